using BackupReconciler.Host.Volumes;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.ShadowStorage;

/// <summary>
/// The snapshot's <c>shadowStorage</c> section: <c>[ { forVolume, onVolume, maxSizeBytes } ]</c>,
/// <c>maxSizeBytes: null</c> meaning unbounded. Creating an association checks both volumes exist
/// and fails with Win32_ShadowStorage.Create's own words, as Windows would.
/// </summary>
public sealed class SnapshotShadowStorage(SnapshotVolumes volumes, FaultInjector faults) : SnapshotSection("shadowStorage", faults, Faults), IShadowStorage
{
    public static readonly FaultKind Faults = FaultKind.Named("shadowStorage", "volume", 3);

    private readonly List<ShadowStorageAssociation> _associations = [];

    public override void Load(JsonItem section, string file)
    {
        foreach (var item in ReadArray(section, file, "{ \"forVolume\", \"onVolume\", \"maxSizeBytes\" }"))
        {
            var reader = JsonObjectReader.ForObject(item, file, "a shadow storage association");
            var forVolume = ReadVolume(reader, "forVolume");
            var onVolume = ReadVolume(reader, "onVolume");
            var maxSize = reader.OptionalInteger("maxSizeBytes", 1, long.MaxValue);
            reader.RejectUnknownMembers();
            if (Find(forVolume, onVolume) is not null)
            {
                throw reader.Error(null, $"the shadow storage for {forVolume} on {onVolume} appears twice; keep one.");
            }

            _associations.Add(new ShadowStorageAssociation(forVolume, onVolume, maxSize));
        }
    }

    private static string ReadVolume(JsonObjectReader reader, string member)
    {
        var text = reader.RequiredString(member);
        return VolumeName.TryNormalize(text, out var name)
            ? name
            : throw reader.Error(reader.Json[member], $"\"{member}\" of {reader.Subject} is \"{text}\"; give {VolumeName.Expected}.");
    }

    protected override JToken Write(bool sorted) =>
        new JArray((sorted ? _associations.OrderBy(a => a.ForVolume, StringComparer.Ordinal).ThenBy(a => a.OnVolume, StringComparer.Ordinal) : _associations.AsEnumerable()).Select(a => new JObject
        {
            ["forVolume"] = a.ForVolume,
            ["onVolume"] = a.OnVolume,
            ["maxSizeBytes"] = a.MaxSizeBytes,
        }));

    /// <summary>Records an association a capture read, once.</summary>
    internal void RecordAssociation(ShadowStorageAssociation association)
    {
        if (Find(association.ForVolume, association.OnVolume) is null)
        {
            _associations.Add(association);
        }

        MarkRecorded();
    }

    public IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume)
    {
        CheckRead(Normalize(forVolume));
        var name = Normalize(forVolume);
        return _associations.Where(a => a.ForVolume == name).ToList();
    }

    public void Create(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        CheckSet(Normalize(forVolume));
        var forName = Normalize(forVolume);
        var onName = Normalize(onVolume);
        foreach (var volume in new[] { forName, onName })
        {
            if (!volumes.Exists(volume))
            {
                throw new HostOperationException($"Specified volume not found. (Win32_ShadowStorage.Create returned 3 for {volume})");
            }
        }

        if (Find(forName, onName) is not null)
        {
            throw new HostOperationException("Shadow copy storage area already exists. (Win32_ShadowStorage.Create returned 5)");
        }

        _associations.Add(new ShadowStorageAssociation(forName, onName, maxSizeBytes));
        MarkChanged();
    }

    public void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        CheckSet(Normalize(forVolume));
        var existing = Find(Normalize(forVolume), Normalize(onVolume))
            ?? throw new HostOperationException("The specified shadow copy storage association was not found. (0x80042308)");
        _associations[_associations.IndexOf(existing)] = existing with { MaxSizeBytes = maxSizeBytes };
        MarkChanged();
    }

    private ShadowStorageAssociation? Find(string forVolume, string onVolume) =>
        _associations.FirstOrDefault(a => a.ForVolume == forVolume && a.OnVolume == onVolume);

    private static string Normalize(string volume) =>
        VolumeName.TryNormalize(volume, out var name) ? name : volume;

    /// <summary>A zero maximum makes VSS delete the association and its shadow copies: a caller bug, never a request.</summary>
    private static void CheckSize(long? maxSizeBytes)
    {
        if (maxSizeBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSizeBytes), maxSizeBytes, "A shadow storage maximum must be above zero, or null for unbounded.");
        }
    }
}
