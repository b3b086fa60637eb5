using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.ShadowStorage;

/// <summary>Reads the associations of a volume and records each once.</summary>
internal sealed class RecordingShadowStorage(IShadowStorage inner, SnapshotShadowStorage captured) : IShadowStorage
{
    public IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume)
    {
        var associations = inner.ReadFor(forVolume);
        foreach (var association in associations)
        {
            captured.RecordAssociation(association);
        }

        return associations;
    }

    public void Create(string forVolume, string onVolume, long? maxSizeBytes) => throw CaptureOnly.Refuse("create a shadow storage association");

    public void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes) => throw CaptureOnly.Refuse("set a shadow storage maximum");
}
