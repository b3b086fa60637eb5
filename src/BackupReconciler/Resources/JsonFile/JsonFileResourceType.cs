using BackupReconciler.Input;
using Newtonsoft.Json.Linq;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>
/// Reads <c>jsonFile</c> resources: <c>path</c>, <c>set</c> (key → any JSON value) and <c>remove</c>
/// (keys). Keys are JSON member names and so compare case-sensitively ("Key" and "key" are two
/// members), unlike most names on Windows; the product reading the file decides what case means.
/// </summary>
public sealed class JsonFileResourceType : IResourceType
{
    public const string TypeName = "jsonFile";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var path = DrivePath.Required(properties, "path", @"C:\Program Files\Azure Workload Backup\bin\ExtensionSettingsOverrides.json");
        var set = new List<KeyValuePair<string, JToken>>();
        if (properties.OptionalObject("set", $"\"set\" of {properties.Subject}") is { } setReader)
        {
            foreach (var member in setReader.Json.Members)
            {
                // null is a JSON value like any other here: "set": { "x": null } writes null; "remove" deletes the key.
                set.Add(new(member.Name, member.Value.ToToken()));
            }
        }

        var remove = properties.OptionalStringList("remove") ?? [];
        if (set.Count == 0 && remove.Count == 0)
        {
            throw properties.Error(null, $"{properties.Subject} neither sets nor removes a key; add \"set\": {{ \"key\": value }} or \"remove\": [\"key\"].");
        }

        var removeToken = properties.Json["remove"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < remove.Count; i++)
        {
            var at = removeToken is JsonArrayItem array ? array[i] : removeToken;
            if (set.Any(s => s.Key.Equals(remove[i], StringComparison.Ordinal)))
            {
                throw properties.Error(at, $"the key \"{remove[i]}\" of {properties.Subject} is both in \"set\" and in \"remove\"; keep it in one of them.");
            }

            if (!seen.Add(remove[i]))
            {
                throw properties.Error(at, $"the key \"{remove[i]}\" appears twice in \"remove\" of {properties.Subject}; keep one.");
            }
        }

        properties.RejectUnknownMembers();
        return new JsonFileResource(path, set, remove);
    }
}
