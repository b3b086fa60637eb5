using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.ShadowStorage;

/// <summary>
/// The shadow storage port on the live machine through WMI (DESIGN §8: never vssadmin, whose output is
/// localised), on the run's WMI session: one Win32_Volume and one Win32_ShadowStorage query per run answer
/// every ReadFor; Create is the static method Win32_ShadowStorage.Create, its ReturnValue checked; a new
/// maximum is MaxSpace written back to the association's instance (ModifyInstance). Unbounded is
/// <see cref="ShadowStorageMapping.Unbounded"/>. A change drops the cached read, so the verification
/// after it reads VSS again.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsShadowStorage : IShadowStorage
{
    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private IReadOnlyList<ShadowStorageAssociation>? _associations;

    internal WindowsShadowStorage(WmiSession wmi)
    {
        _wmi = wmi;
    }

    public IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume)
    {
        var name = Normalize(forVolume);
        lock (_lock)
        {
            _associations ??= ShadowStorageMapping.ToAssociations(
                _wmi.Query("reading the shadow storage associations (Win32_ShadowStorage)", ShadowStorageMapping.StorageQuery),
                DriveLetters());
            return _associations.Where(a => a.ForVolume == name).ToList();
        }
    }

    public void Create(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        var (forName, onName) = (Normalize(forVolume), Normalize(onVolume));
        Change(() =>
        {
            var what = $"creating the shadow storage for {forName} on {onName}";
            var returnValue = _wmi.InvokeStatic(what, WmiNamespace.Cimv2, ShadowStorageMapping.ClassName, "Create",
                ShadowStorageMapping.CreateParameters(forName, onName, maxSizeBytes));
            if (returnValue != 0)
            {
                throw new HostOperationException($"{what}: {ShadowStorageMapping.CreateFailure(returnValue)}");
            }
        });
    }

    public void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        var (forName, onName) = (Normalize(forVolume), Normalize(onVolume));
        Change(() =>
        {
            var what = $"setting the shadow storage maximum for {forName} on {onName}";
            var letters = DriveLetters();
            if (!_wmi.Modify(what, ShadowStorageMapping.StorageQuery, row => ShadowStorageMapping.Is(row, letters, forName, onName),
                    "MaxSpace", ShadowStorageMapping.ToWmiSize(maxSizeBytes)))
            {
                throw new HostOperationException($"{what}: The specified shadow copy storage association was not found. (0x80042308)");
            }
        });
    }

    private IReadOnlyDictionary<string, string> DriveLetters() =>
        ShadowStorageMapping.DriveLetters(_wmi.Query("reading the volumes' device ids (Win32_Volume)", ShadowStorageMapping.VolumeQuery));

    private void Change(Action change)
    {
        lock (_lock)
        {
            try
            {
                change();
            }
            finally
            {
                _associations = null;
            }
        }
    }

    private static string Normalize(string volume) =>
        VolumeName.TryNormalize(volume, out var name) ? name : throw new HostOperationException($"\"{volume}\" is not a volume; give {VolumeName.Expected}.");

    /// <summary>A zero maximum makes VSS delete the association and its shadow copies: a caller bug, never a request.</summary>
    private static void CheckSize(long? maxSizeBytes)
    {
        if (maxSizeBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSizeBytes), maxSizeBytes, "A shadow storage maximum must be above zero, or null for unbounded.");
        }
    }
}
