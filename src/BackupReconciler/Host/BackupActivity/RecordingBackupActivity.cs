namespace BackupReconciler.Host.BackupActivity;

/// <summary>Reads the running backup work and records it with the host's offset from UTC.</summary>
internal sealed class RecordingBackupActivity(IBackupActivity inner, SnapshotBackupActivity captured) : IBackupActivity
{
    public IReadOnlyList<BackupWork> ReadRunning()
    {
        var running = inner.ReadRunning();
        captured.RecordActivity(running, inner.LocalNow().Offset);
        return running;
    }

    public DateTimeOffset LocalNow() => inner.LocalNow();
}
