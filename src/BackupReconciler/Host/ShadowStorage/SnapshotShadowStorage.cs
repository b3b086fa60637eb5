using BackupReconciler.Host.Volumes;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.ShadowStorage;

/// <summary>
/// The snapshot's <c>shadowStorage</c> section: <c>[ { forVolume, onVolume, maxSizeBytes } ]</c>,
/// <c>maxSizeBytes: null</c> meaning unbounded. Creating an association checks both volumes exist
/// and fails with Win32_ShadowStorage.Create's own words, as Windows would.
/// </summary>
public sealed class SnapshotShadowStorage : IShadowStorage, ISnapshotSection
{
    private readonly List<ShadowStorageAssociation> _associations = [];
    private readonly SnapshotVolumes _volumes;
    private readonly FaultInjector _faults;

    public SnapshotShadowStorage(SnapshotVolumes volumes, FaultInjector faults)
    {
        _volumes = volumes;
        _faults = faults;
    }

    public string Name => "shadowStorage";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        if (section is not JArray array)
        {
            throw new InputException(JsonObjectReader.Locate(section, file),
                $"\"shadowStorage\" must be an array of {{ \"forVolume\", \"onVolume\", \"maxSizeBytes\" }}; found {JsonObjectReader.Describe(section)}.");
        }

        foreach (var item in array)
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

    public JToken Save() =>
        new JArray(_associations.Select(a => new JObject
        {
            ["forVolume"] = a.ForVolume,
            ["onVolume"] = a.OnVolume,
            ["maxSizeBytes"] = a.MaxSizeBytes,
        }));

    public IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume)
    {
        _faults.Check(FaultOperation.Read, Target(forVolume));
        var name = Normalize(forVolume);
        return _associations.Where(a => a.ForVolume == name).ToList();
    }

    public void Create(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        _faults.Check(FaultOperation.Set, Target(forVolume));
        var forName = Normalize(forVolume);
        var onName = Normalize(onVolume);
        foreach (var volume in new[] { forName, onName })
        {
            if (!_volumes.Exists(volume))
            {
                throw new HostOperationException($"Specified volume not found. (Win32_ShadowStorage.Create returned 3 for {volume})");
            }
        }

        if (Find(forName, onName) is not null)
        {
            throw new HostOperationException("Shadow copy storage area already exists. (Win32_ShadowStorage.Create returned 5)");
        }

        _associations.Add(new ShadowStorageAssociation(forName, onName, maxSizeBytes));
        Changed = true;
    }

    public void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        _faults.Check(FaultOperation.Set, Target(forVolume));
        var existing = Find(Normalize(forVolume), Normalize(onVolume))
            ?? throw new HostOperationException("The specified shadow copy storage association was not found. (0x80042308)");
        _associations[_associations.IndexOf(existing)] = existing with { MaxSizeBytes = maxSizeBytes };
        Changed = true;
    }

    private ShadowStorageAssociation? Find(string forVolume, string onVolume) =>
        _associations.FirstOrDefault(a => a.ForVolume == forVolume && a.OnVolume == onVolume);

    private static string Target(string forVolume) => "shadowStorage:" + Normalize(forVolume);

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
