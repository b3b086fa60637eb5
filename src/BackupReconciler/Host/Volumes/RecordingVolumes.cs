namespace BackupReconciler.Host.Volumes;

/// <summary>Reads the volumes and records them all.</summary>
internal sealed class RecordingVolumes(IVolumes inner, SnapshotVolumes captured) : IVolumes
{
    public IReadOnlyList<VolumeInfo> ReadAll()
    {
        var volumes = inner.ReadAll();
        foreach (var volume in volumes)
        {
            captured.RecordVolume(volume);
        }

        return volumes;
    }
}
