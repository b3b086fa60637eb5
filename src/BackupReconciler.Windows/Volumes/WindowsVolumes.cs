using System.Runtime.Versioning;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Volumes;

/// <summary>
/// The volumes port on the live machine: one Win32_Volume query (drive letter, capacity, free space) per
/// run, shared by every free-space and shadow storage check (DESIGN §8), on the run's WMI session.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsVolumes : IVolumes
{
    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private IReadOnlyList<VolumeInfo>? _volumes;

    internal WindowsVolumes(WmiSession wmi)
    {
        _wmi = wmi;
    }

    public IReadOnlyList<VolumeInfo> ReadAll()
    {
        lock (_lock)
        {
            return _volumes ??= VolumeMapping.ToVolumes(_wmi.Query("reading the volumes (Win32_Volume)", VolumeMapping.Query));
        }
    }
}
