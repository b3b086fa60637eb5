using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Features;

/// <summary>
/// The snapshot's <c>features</c> section: the features this Windows edition offers (names ignore case),
/// each <c>{ installed }</c>. A name that is not listed is not a feature of the edition.
/// </summary>
public sealed class SnapshotFeatures : IFeatures, ISnapshotSection
{
    private readonly Dictionary<string, bool> _installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly FaultInjector _faults;

    public SnapshotFeatures(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "features";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        var reader = JsonObjectReader.ForObject(section, file, "the \"features\" section");
        foreach (var property in reader.Json.Properties())
        {
            var feature = JsonObjectReader.ForObject(property.Value, file, $"feature \"{property.Name}\"");
            var installed = feature.OptionalBool("installed") ?? false;
            feature.RejectUnknownMembers();
            if (!_installed.TryAdd(property.Name, installed))
            {
                throw reader.Error(property, $"the feature \"{property.Name}\" appears twice (feature names ignore case); keep one.");
            }
        }
    }

    public JToken Save() =>
        new JObject(_installed.Select(f => new JProperty(f.Key, new JObject { ["installed"] = f.Value })));

    public bool? IsInstalled(string name)
    {
        _faults.Check(FaultOperation.Read, "feature:" + name);
        return _installed.TryGetValue(name, out var installed) ? installed : null;
    }

    public void Install(string name) => SetInstalled(name, true);

    public void Uninstall(string name) => SetInstalled(name, false);

    private void SetInstalled(string name, bool installed)
    {
        _faults.Check(FaultOperation.Set, "feature:" + name);
        var existing = _installed.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostOperationException($"ArgumentNotValid: The role, role service, or feature name is not valid: '{name}'. The name was not found.");
        _installed[existing] = installed;
        Changed = true;
    }
}
