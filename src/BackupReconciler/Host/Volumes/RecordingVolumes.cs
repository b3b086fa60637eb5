using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Volumes;

/// <summary>Reads the volumes and records them all.</summary>
internal sealed class RecordingVolumes(IVolumes inner, CapturedHost captured) : IVolumes
{
    public IReadOnlyList<VolumeInfo> ReadAll()
    {
        var volumes = inner.ReadAll();
        foreach (var volume in volumes)
        {
            captured.Volumes[volume.Name] = volume;
        }

        return volumes;
    }
}
