using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Volumes;

/// <summary>
/// The snapshot's <c>volumes</c> section: drive letter → <c>{ sizeBytes, freeBytes }</c>.
/// Nothing the reconciler does changes a volume, so the section is only read. The list is one query
/// on Windows (Win32_Volume), so its fault target is the whole list: <c>volumes</c>.
/// </summary>
public sealed class SnapshotVolumes(FaultInjector faults) : SnapshotSection("volumes", faults, Faults), IVolumes
{
    public static readonly FaultKind Faults = FaultKind.WholeList("volumes", 11);

    private readonly Dictionary<string, VolumeInfo> _volumes = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            if (!VolumeName.TryNormalize(property.Name, out var name))
            {
                throw reader.Error(property, $"\"{property.Name}\" is not a volume; name volumes by {VolumeName.Expected}.");
            }

            var volume = JsonObjectReader.ForObject(property.Value, file, $"volume \"{property.Name}\"");
            var size = volume.AsInteger(volume.Required("sizeBytes", "the capacity in bytes"), "sizeBytes", 0, long.MaxValue);
            var free = volume.AsInteger(volume.Required("freeBytes", "the free space in bytes"), "freeBytes", 0, size);
            volume.RejectUnknownMembers();
            if (!_volumes.TryAdd(name, new VolumeInfo(name, size, free)))
            {
                throw reader.Error(property, $"the volume \"{property.Name}\" appears twice (\"c:\", \"C:\" and \"C:\\\\\" are the same volume); keep one.");
            }
        }
    }

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_volumes.Values, v => v.Name, sorted).Select(v => new JProperty(v.Name, new JObject
        {
            ["sizeBytes"] = v.SizeBytes,
            ["freeBytes"] = v.FreeBytes,
        })));

    internal void RecordVolume(VolumeInfo volume)
    {
        _volumes[volume.Name] = volume;
        MarkRecorded();
    }

    public IReadOnlyList<VolumeInfo> ReadAll()
    {
        CheckRead();
        return [.. _volumes.Values];
    }

    /// <summary>Whether the host has this volume; <paramref name="name"/> is already normalised.</summary>
    internal bool Exists(string name) => _volumes.ContainsKey(name);
}
