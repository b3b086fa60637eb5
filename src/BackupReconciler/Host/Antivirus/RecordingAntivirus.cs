using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Antivirus;

/// <summary>Reads the exclusion lists and records them.</summary>
internal sealed class RecordingAntivirus(IAntivirus inner, SnapshotAntivirus captured) : IAntivirus
{
    public AntivirusExclusions Read()
    {
        var exclusions = inner.Read();
        captured.RecordExclusions(exclusions);
        return exclusions;
    }

    public void Add(AntivirusExclusions additions) => throw CaptureOnly.Refuse("add antivirus exclusions");
}
