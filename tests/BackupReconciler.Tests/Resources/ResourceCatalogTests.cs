using BackupReconciler.Resources;

namespace BackupReconciler.Tests.Resources;

/// <summary>The catalog is the one registration point of a resource type: a type written but not listed there fails here.</summary>
public sealed class ResourceCatalogTests
{
    public static TheoryData<string> TypesInTheProduct => [.. typeof(IResourceType).Assembly.GetTypes()
        .Where(t => typeof(IResourceType).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(TypesInTheProduct))]
    public void EveryResourceTypeInTheProductIsInTheCatalogUnderItsName(string typeName)
    {
        var type = (IResourceType)Activator.CreateInstance(typeof(IResourceType).Assembly.GetType(typeName)!)!;

        Assert.True(ResourceCatalog.Default.TryGet(type.Name, out var listed), $"{typeName} is not in ResourceCatalog.Default");
        Assert.IsType(type.GetType(), listed);
    }
}
