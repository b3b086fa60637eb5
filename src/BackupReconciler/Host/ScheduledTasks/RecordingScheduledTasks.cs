using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>Reads tasks and records each registered one under its full path.</summary>
internal sealed class RecordingScheduledTasks(IScheduledTasks inner, SnapshotScheduledTasks captured) : IScheduledTasks
{
    public ScheduledTaskInfo? Find(string fullPath)
    {
        var task = inner.Find(fullPath);
        if (task is not null)
        {
            captured.RecordTask(task);
        }

        return task;
    }

    public void SetEnabled(string fullPath, bool enabled) => throw CaptureOnly.Refuse("enable or disable a scheduled task");
}
