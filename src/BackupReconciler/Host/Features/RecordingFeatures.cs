using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Features;

/// <summary>Reads features and records each that this Windows edition has.</summary>
internal sealed class RecordingFeatures(IFeatures inner, SnapshotFeatures captured) : IFeatures
{
    public bool? IsInstalled(string name)
    {
        var installed = inner.IsInstalled(name);
        if (installed is { } value)
        {
            captured.RecordFeature(name, value);
        }

        return installed;
    }

    public void Install(string name) => throw CaptureOnly.Refuse("install a feature");

    public void Uninstall(string name) => throw CaptureOnly.Refuse("uninstall a feature");
}
