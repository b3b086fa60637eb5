using System.Management;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.ShadowStorage;

/// <summary>
/// The shadow storage port on the live machine through WMI (DESIGN §8: never vssadmin, whose output is
/// localised): one Win32_Volume and one Win32_ShadowStorage query per run answer every ReadFor; Create is
/// Win32_ShadowStorage.Create; a new maximum is MaxSpace written back with Put. Unbounded is
/// <see cref="ShadowStorageMapping.Unbounded"/>. A change drops the cached read, so the verification
/// after it reads VSS again.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsShadowStorage : IShadowStorage
{
    private const string StorageClass = "Win32_ShadowStorage";

    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private IReadOnlyList<ShadowStorageAssociation>? _associations;

    public WindowsShadowStorage(TimeSpan? timeout = null)
    {
        _wmi = new WmiSession(WmiSession.Cimv2, timeout ?? HostCall.DefaultTimeout);
    }

    public IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume)
    {
        var name = Normalize(forVolume);
        lock (_lock)
        {
            _associations ??= _wmi.Run("reading the shadow storage associations (Win32_ShadowStorage)", scope =>
                ShadowStorageMapping.ToAssociations(
                    _wmi.Query(scope, StorageClass, ShadowStorageMapping.StorageProperties),
                    ShadowStorageMapping.DriveLetters(_wmi.Query(scope, "Win32_Volume", ShadowStorageMapping.VolumeProperties))));
            return _associations.Where(a => a.ForVolume == name).ToList();
        }
    }

    public void Create(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        var (forName, onName) = (Normalize(forVolume), Normalize(onVolume));
        Change($"creating the shadow storage for {forName} on {onName}", scope =>
        {
            using var result = _wmi.InvokeStatic(scope, StorageClass, "Create", parameters =>
            {
                parameters["Volume"] = ShadowStorageMapping.ToCreateVolume(forName);
                parameters["DiffVolume"] = ShadowStorageMapping.ToCreateVolume(onName);
                parameters["MaxSpace"] = ShadowStorageMapping.ToWmiSize(maxSizeBytes);
            });
            var returnValue = Convert.ToUInt32(result["ReturnValue"], System.Globalization.CultureInfo.InvariantCulture);
            if (returnValue != 0)
            {
                throw new HostOperationException(ShadowStorageMapping.CreateFailure(returnValue));
            }
        });
    }

    public void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes)
    {
        CheckSize(maxSizeBytes);
        var (forName, onName) = (Normalize(forVolume), Normalize(onVolume));
        Change($"setting the shadow storage maximum for {forName} on {onName}", scope =>
        {
            var letters = ShadowStorageMapping.DriveLetters(_wmi.Query(scope, "Win32_Volume", ShadowStorageMapping.VolumeProperties));
            var query = new SelectQuery(StorageClass);
            using var searcher = new ManagementObjectSearcher(scope, query, new System.Management.EnumerationOptions { Timeout = _wmi.Timeout, ReturnImmediately = true, Rewindable = false });
            using var results = searcher.Get();
            foreach (ManagementObject storage in results)
            {
                using (storage)
                {
                    var row = new WmiRow(ShadowStorageMapping.StorageProperties.ToDictionary(p => p, p => (object?)storage[p], StringComparer.OrdinalIgnoreCase));
                    if (ShadowStorageMapping.ToAssociations([row], letters) is [{ } found] && found.ForVolume == forName && found.OnVolume == onName)
                    {
                        storage["MaxSpace"] = ShadowStorageMapping.ToWmiSize(maxSizeBytes);
                        storage.Put(new PutOptions(null, _wmi.Timeout, false, PutType.UpdateOnly));
                        return;
                    }
                }
            }

            throw new HostOperationException("The specified shadow copy storage association was not found. (0x80042308)");
        });
    }

    private void Change(string what, Action<ManagementScope> change)
    {
        lock (_lock)
        {
            try
            {
                _wmi.Run(what, scope =>
                {
                    change(scope);
                    return true;
                });
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
