using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Registry;

/// <summary>
/// The snapshot's <c>registry</c> section: keys (HKLM paths, 32-bit view keys at their WOW6432Node
/// location, as on disk) mapping value names to <c>{ kind, data }</c>. Names ignore case.
/// </summary>
public sealed class SnapshotRegistry : IRegistry, ISnapshotSection
{
    private readonly Dictionary<RegistryKeyPath, Dictionary<string, RegistryValue>> _keys = [];
    private readonly FaultInjector _faults;

    public SnapshotRegistry(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "registry";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        var reader = JsonObjectReader.ForObject(section, file, "the \"registry\" section");
        foreach (var keyProperty in reader.Json.Properties())
        {
            if (!RegistryKeyPath.TryParse(keyProperty.Name, out var key))
            {
                throw reader.Error(keyProperty, $"\"{keyProperty.Name}\" is not a registry key; give {RegistryKeyPath.Expected}.");
            }

            if (_keys.ContainsKey(key))
            {
                throw reader.Error(keyProperty, $"the key \"{keyProperty.Name}\" appears twice (key names ignore case); merge them.");
            }

            var valuesReader = JsonObjectReader.ForObject(keyProperty.Value, file, $"key \"{keyProperty.Name}\"");
            var values = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var valueProperty in valuesReader.Json.Properties())
            {
                var valueReader = JsonObjectReader.ForObject(valueProperty.Value, file, $"value \"{valueProperty.Name}\" of key \"{keyProperty.Name}\"");
                if (!values.TryAdd(valueProperty.Name, RegistryValue.Read(valueReader)))
                {
                    throw valuesReader.Error(valueProperty, $"the value \"{valueProperty.Name}\" appears twice in key \"{keyProperty.Name}\" (value names ignore case); keep one.");
                }

                valueReader.RejectUnknownMembers();
            }

            _keys[key] = values;
        }
    }

    public JToken Save() =>
        new JObject(_keys.Select(key => new JProperty(key.Key.FullName,
            new JObject(key.Value.Select(value => new JProperty(value.Key, value.Value.ToJson()))))));

    public IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, RegistryView view)
    {
        _faults.Check(FaultOperation.Read, "registry:" + key.FullName);
        return _keys.TryGetValue(key.InView(view), out var values)
            ? new Dictionary<string, RegistryValue>(values, StringComparer.OrdinalIgnoreCase)
            : null;
    }

    public void SetValue(RegistryKeyPath key, RegistryView view, string name, RegistryValue value)
    {
        _faults.Check(FaultOperation.Set, "registry:" + key.FullName);
        var target = key.InView(view);
        if (!_keys.TryGetValue(target, out var values))
        {
            values = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            _keys[target] = values;
        }

        // Keep the existing spelling of the name, as Windows does when a value is overwritten.
        var existing = values.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
        values[existing] = value;
        Changed = true;
    }

    public void DeleteValue(RegistryKeyPath key, RegistryView view, string name)
    {
        _faults.Check(FaultOperation.Set, "registry:" + key.FullName);
        if (_keys.TryGetValue(key.InView(view), out var values) && values.Remove(name))
        {
            Changed = true;
        }
    }
}
