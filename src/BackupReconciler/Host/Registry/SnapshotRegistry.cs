using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Registry;

/// <summary>
/// The snapshot's <c>registry</c> section: keys (HKLM paths, 32-bit view keys at their WOW6432Node
/// location, as on disk) mapping value names to <c>{ kind, data }</c>. Names ignore case.
/// </summary>
public sealed class SnapshotRegistry(FaultInjector faults) : SnapshotSection("registry", faults, Faults), IRegistry
{
    /// <summary><c>registry:&lt;key&gt;</c>, the key written any way <see cref="RegistryKeyPath"/> reads (HKLM\X, HKEY_LOCAL_MACHINE\X\).</summary>
    public static readonly FaultKind Faults = FaultKind.Named("registry", "key", 0,
        name => RegistryKeyPath.TryParse(name, out var key) ? key.FullName : null,
        "whose key is not under HKLM, so the fault would never happen");

    private readonly Dictionary<RegistryKeyPath, Dictionary<string, RegistryValue>> _keys = [];

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var keyProperty in reader.Json.Members)
        {
            if (!RegistryKeyPath.TryParse(keyProperty.Name, out var key))
            {
                throw reader.Error(keyProperty, $"\"{keyProperty.Name}\" is not a registry key; give {RegistryKeyPath.Expected}.");
            }

            if (_keys.ContainsKey(key))
            {
                throw reader.Error(keyProperty, $"the key \"{keyProperty.Name}\" appears twice (key names ignore case); merge them.");
            }

            var valuesReader = JsonObjectReader.ForObject(keyProperty.Value, file, "key \"{0}\"", keyProperty.Name);
            var values = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var valueProperty in valuesReader.Json.Members)
            {
                var valueReader = JsonObjectReader.ForObject(valueProperty.Value, file, "value \"{0}\" of key \"{1}\"", valueProperty.Name, keyProperty.Name);
                if (!values.TryAdd(valueProperty.Name, RegistryValue.Read(valueReader)))
                {
                    throw valuesReader.Error(valueProperty, $"the value \"{valueProperty.Name}\" appears twice in key \"{keyProperty.Name}\" (value names ignore case); keep one.");
                }

                valueReader.RejectUnknownMembers();
            }

            _keys[key] = values;
        }
    }

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_keys, key => key.Key.FullName, sorted).Select(key => new JProperty(key.Key.FullName,
            new JObject(InOrder(key.Value, value => value.Key, sorted).Select(value => new JProperty(value.Key, value.Value.ToJson()))))));

    /// <summary>Records a key a capture read, where a snapshot keeps it (<paramref name="key"/> in its view).</summary>
    internal void RecordKey(RegistryKeyPath key, IReadOnlyDictionary<string, RegistryValue> values)
    {
        _keys[key] = new Dictionary<string, RegistryValue>(values, StringComparer.OrdinalIgnoreCase);
        MarkRecorded();
    }

    public IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, RegistryView view)
    {
        CheckRead(key.FullName);
        return _keys.TryGetValue(key.InView(view), out var values)
            ? new Dictionary<string, RegistryValue>(values, StringComparer.OrdinalIgnoreCase)
            : null;
    }

    public void SetValue(RegistryKeyPath key, RegistryView view, string name, RegistryValue value)
    {
        CheckSet(key.FullName);
        var target = key.InView(view);
        if (!_keys.TryGetValue(target, out var values))
        {
            values = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            _keys[target] = values;
        }

        // Keep the existing spelling of the name, as Windows does when a value is overwritten.
        var existing = values.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
        values[existing] = value;
        MarkChanged();
    }

    public void DeleteValue(RegistryKeyPath key, RegistryView view, string name)
    {
        CheckSet(key.FullName);
        if (_keys.TryGetValue(key.InView(view), out var values) && values.Remove(name))
        {
            MarkChanged();
        }
    }
}
