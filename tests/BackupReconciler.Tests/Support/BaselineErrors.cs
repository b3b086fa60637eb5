using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;

namespace BackupReconciler.Tests.Support;

/// <summary>Validation errors of one resource's properties, as the loader reports them.</summary>
public static class BaselineErrors
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase) { ["ComputerName"] = "HOST01" };

    /// <summary>
    /// The error for resource "a" of <paramref name="type"/>, with the file name alone. The properties
    /// start line 2, so a column is the position in <paramref name="properties"/> itself.
    /// </summary>
    public static string Of(string type, string properties)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""
            { "name": "t", "resources": [ { "id": "a", "type": "{{type}}", "properties":
            {{properties}} } ] }
            """);
        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, Facts));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
