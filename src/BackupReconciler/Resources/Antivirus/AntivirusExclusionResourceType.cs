using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.Antivirus;

/// <summary>Reads <c>antivirusExclusion</c> resources: at least one of <c>paths</c>, <c>processes</c>, <c>extensions</c>.</summary>
public sealed class AntivirusExclusionResourceType : IResourceType
{
    public const string TypeName = "antivirusExclusion";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var lists = new List<ExclusionList>();
        foreach (var kind in ExclusionKind.All)
        {
            if (ReadList(properties, kind) is { } list)
            {
                lists.Add(list);
            }
        }

        properties.RejectUnknownMembers();
        if (lists.Count == 0)
        {
            throw properties.Error(null, $"{properties.Subject} declares no exclusions; add \"paths\", \"processes\" or \"extensions\".");
        }

        return new AntivirusExclusionResource(lists);
    }

    private static ExclusionList? ReadList(JsonObjectReader properties, ExclusionKind kind)
    {
        if (properties.OptionalStringList(kind.Property) is not { } entries)
        {
            return null;
        }

        var token = properties.Json[kind.Property]!;
        if (entries.Count == 0)
        {
            throw properties.Error(token, $"\"{kind.Property}\" of {properties.Subject} is empty; list at least one {kind.Singular}, or remove \"{kind.Property}\".");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (kind.ProblemWith(entries[i]) is { } problem)
            {
                var at = token is JsonArrayItem array ? array[i] : token;
                throw properties.Error(at, $"the {kind.Singular} \"{entries[i]}\" in \"{kind.Property}\" of {properties.Subject} {problem}.");
            }
        }

        return new ExclusionList(kind, entries);
    }
}
