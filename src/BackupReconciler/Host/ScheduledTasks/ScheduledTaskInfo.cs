namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>What the reconciler knows of one scheduled task: its full path, whether it is enabled, and the account it runs as.</summary>
public sealed record ScheduledTaskInfo(string FullPath, bool Enabled, string RunAs);
