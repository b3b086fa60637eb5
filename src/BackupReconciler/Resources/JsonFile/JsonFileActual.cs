using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>What <c>get</c> shows for a JSON file: whether it exists, and the declared keys' values (null when absent).</summary>
public sealed record JsonFileActual(string Path, bool Exists, IReadOnlyDictionary<string, JToken?> Values) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Path,
        ["exists"] = Exists,
        ["values"] = new JObject(Values.Select(v => new JProperty(v.Key, v.Value?.DeepClone()))),
    };
}
