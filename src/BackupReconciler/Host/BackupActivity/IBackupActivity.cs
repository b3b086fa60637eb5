namespace BackupReconciler.Host.BackupActivity;

/// <summary>
/// The backup activity port: what backup work runs on the host right now, in one bulk read, so that the
/// engine never restarts a service in the middle of a backup that needs it.
/// </summary>
public interface IBackupActivity
{
    /// <summary>
    /// Every piece of backup work running now (empty: the host is idle). Throws
    /// <see cref="HostOperationException"/> when it cannot be told; callers treat that as "busy", never as idle.
    /// </summary>
    IReadOnlyList<BackupWork> ReadRunning();

    /// <summary>The host's wall clock in its own time zone: restart windows are host-local.</summary>
    DateTimeOffset LocalNow();
}
