using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Volumes;

/// <summary>
/// The volumes port on the live machine: one Win32_Volume query (drive letter, capacity, free space) per
/// run, shared by every free-space and shadow storage check (DESIGN §8).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsVolumes : IVolumes
{
    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private IReadOnlyList<VolumeInfo>? _volumes;

    public WindowsVolumes(TimeSpan? timeout = null)
    {
        _wmi = new WmiSession(WmiSession.Cimv2, timeout ?? HostCall.DefaultTimeout);
    }

    public IReadOnlyList<VolumeInfo> ReadAll()
    {
        lock (_lock)
        {
            return _volumes ??= _wmi.Run("reading the volumes (Win32_Volume)",
                scope => VolumeMapping.ToVolumes(_wmi.Query(scope, "Win32_Volume", VolumeMapping.Properties)));
        }
    }
}
