namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>The Task Scheduler port: find a registered task, enable or disable it. Tasks are never created here.</summary>
public interface IScheduledTasks
{
    /// <summary>The task at <paramref name="fullPath"/> (folder and name, case-insensitive), or null when no such task is registered.</summary>
    ScheduledTaskInfo? Find(string fullPath);

    void SetEnabled(string fullPath, bool enabled);
}
