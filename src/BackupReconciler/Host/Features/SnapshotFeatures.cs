using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Features;

/// <summary>
/// The snapshot's <c>features</c> section: the features this Windows edition offers (names ignore case),
/// each <c>{ installed }</c>. A name that is not listed is not a feature of the edition.
/// </summary>
public sealed class SnapshotFeatures(FaultInjector faults) : SnapshotSection("features", faults, Faults), IFeatures
{
    public static readonly FaultKind Faults = FaultKind.Named("feature", "name", 7);

    private readonly Dictionary<string, bool> _installed = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
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

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_installed, f => f.Key, sorted).Select(f => new JProperty(f.Key, new JObject { ["installed"] = f.Value })));

    internal void RecordFeature(string name, bool installed)
    {
        _installed[name] = installed;
        MarkRecorded();
    }

    public bool? IsInstalled(string name)
    {
        CheckRead(name);
        return _installed.TryGetValue(name, out var installed) ? installed : null;
    }

    public void Install(string name) => SetInstalled(name, true);

    public void Uninstall(string name) => SetInstalled(name, false);

    private void SetInstalled(string name, bool installed)
    {
        CheckSet(name);
        var existing = _installed.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostOperationException($"ArgumentNotValid: The role, role service, or feature name is not valid: '{name}'. The name was not found.");
        _installed[existing] = installed;
        MarkChanged();
    }
}
