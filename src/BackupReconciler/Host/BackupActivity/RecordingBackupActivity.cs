using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.BackupActivity;

/// <summary>Reads the running backup work and records it with the host's offset from UTC.</summary>
internal sealed class RecordingBackupActivity(IBackupActivity inner, CapturedHost captured) : IBackupActivity
{
    public IReadOnlyList<BackupWork> ReadRunning()
    {
        var running = inner.ReadRunning();
        captured.BackupActivity = (running, inner.LocalNow().Offset);
        return running;
    }

    public DateTimeOffset LocalNow() => inner.LocalNow();
}
