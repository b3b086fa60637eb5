using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Antivirus;

/// <summary>Reads the exclusion lists and records them.</summary>
internal sealed class RecordingAntivirus(IAntivirus inner, CapturedHost captured) : IAntivirus
{
    public AntivirusExclusions Read() => captured.Antivirus = inner.Read();

    public void Add(AntivirusExclusions additions) => throw CaptureOnly.Refuse("add antivirus exclusions");
}
