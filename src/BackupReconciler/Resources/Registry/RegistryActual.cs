using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Registry;

/// <summary>What <c>get</c> shows for a registry resource: the declared values as they are (null when missing).</summary>
public sealed record RegistryActual(string Key, bool KeyExists, IReadOnlyDictionary<string, RegistryValue?> Values) : IActualState
{
    /// <summary>Each declared value's name as the host spells it (the declared spelling when it is missing).</summary>
    public IReadOnlyDictionary<string, string> Spellings { get; init; } = new Dictionary<string, string>();

    public JToken ToJson() => new JObject
    {
        ["key"] = Key,
        ["keyExists"] = KeyExists,
        ["values"] = new JObject(Values.Select(v => new JProperty(v.Key, v.Value?.ToJson()))),
    };
}
