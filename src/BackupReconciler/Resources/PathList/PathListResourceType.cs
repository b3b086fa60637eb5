using BackupReconciler.Input;

namespace BackupReconciler.Resources.PathList;

/// <summary>Reads <c>pathList</c> resources: <c>variable</c> and <c>contains</c>.</summary>
public sealed class PathListResourceType : IResourceType
{
    public const string TypeName = "pathList";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var variable = properties.RequiredString("variable");
        if (variable.Contains('=', StringComparison.Ordinal) || variable.Contains('%', StringComparison.Ordinal))
        {
            throw properties.Error(properties.Json["variable"], $"\"variable\" of {properties.Subject} is \"{variable}\"; give the variable's bare name, such as \"PSModulePath\".");
        }

        var contains = properties.OptionalStringList("contains")
            ?? throw properties.Error(null, $"{properties.Subject} has no \"contains\"; add \"contains\": [\"C:\\\\path\"].");
        if (contains.Count == 0)
        {
            throw properties.Error(properties.Json["contains"], $"\"contains\" of {properties.Subject} is empty; list at least one entry.");
        }

        foreach (var entry in contains.Where(e => e.Contains(';', StringComparison.Ordinal)))
        {
            throw properties.Error(properties.Json["contains"], $"the entry \"{entry}\" of {properties.Subject} contains ';', the list separator; give each entry on its own.");
        }

        properties.RejectUnknownMembers();
        return new PathListResource(variable, contains);
    }
}
