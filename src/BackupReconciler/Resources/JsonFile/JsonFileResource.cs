using BackupReconciler.Host;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>
/// Keys of a JSON settings file (such as the Azure Workload Backup extension's
/// ExtensionSettingsOverrides.json, seed 002) have the declared values or are absent. Every other
/// key, and the file's order, formatting and encoding, stay as they are; a missing file (and folder)
/// is created. The file is replaced atomically, so a failure leaves the previous content.
/// </summary>
public sealed record JsonFileResource(string Path, IReadOnlyList<KeyValuePair<string, JToken>> Set, IReadOnlyList<string> Remove)
    : Resource<JsonFileActual>, IClaimsSettings
{
    /// <summary>JSON keys are case-sensitive, file paths are not: the key goes into the target in a form that keeps its case apart.</summary>
    public IEnumerable<SettingClaim> Claims =>
        Set.Select(s => SettingClaim.Of(KeyTarget(s.Key), $"the key \"{s.Key}\" of {Path}", s.Value))
            .Concat(Remove.Select(key => SettingClaim.Of(KeyTarget(key), $"the key \"{key}\" of {Path}", SettingClaim.Absent)));

    private string KeyTarget(string key) => $"json|{Path}|{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(key))}";

    public override string TypeName => JsonFileResourceType.TypeName;

    public override JsonFileActual Read(IHost host)
    {
        var content = ReadContent(host);
        var keys = Set.Select(s => s.Key).Concat(Remove);
        return new JsonFileActual(Path, content is not null,
            keys.ToDictionary(key => key, key => content?.Object.TryGetValue(key, out var value) == true ? value.DeepClone() : null, StringComparer.Ordinal));
    }

    public override IReadOnlyList<Difference> Compare(JsonFileActual actual, IHost host)
    {
        var differences = new List<Difference>();
        foreach (var (key, desired) in Set)
        {
            var current = actual.Values[key];
            if (current is null || !JToken.DeepEquals(current, desired))
            {
                differences.Add(new Difference(key, current is null ? null : new JsonMemberValue(current), new JsonMemberValue(desired)));
            }
        }

        foreach (var key in Remove)
        {
            if (actual.Values[key] is { } current)
            {
                differences.Add(new Difference(key, new JsonMemberValue(current), null));
            }
        }

        return differences;
    }

    /// <summary>Keys that had a value get it back; keys that were not there are removed again.</summary>
    public override UndoStep UndoOf(JsonFileActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.With(JsonFileResourceType.TypeName, new JObject
        {
            ["path"] = Path,
            ["set"] = new JObject(changes.Where(c => c.Actual is not null).Select(c => new JProperty(c.Property, c.Actual!.ToJson()))),
            ["remove"] = new JArray(changes.Where(c => c.Actual is null).Select(c => (object)c.Property).ToArray()),
        });

    public override void Apply(IHost host, JsonFileActual actual, IReadOnlyList<Difference> changes)
    {
        // Edit the file as it is now, not as it was read, so a key someone else changed meanwhile is not reverted.
        var content = ReadContent(host) ?? JsonFileContent.New();
        var edits = changes
            .Select(change => new KeyValuePair<string, JToken?>(change.Property, Set.FirstOrDefault(s => s.Key == change.Property).Value))
            .ToList();
        var bytes = content.Encode(content.Text.With(edits));
        host.Files.WriteFile(Path, stream => stream.Write(bytes));
    }

    private JsonFileContent? ReadContent(IHost host) =>
        host.Files.ReadFile(Path, JsonFileContent.MaxBytes) is { } bytes ? JsonFileContent.Parse(Path, bytes) : null;
}
