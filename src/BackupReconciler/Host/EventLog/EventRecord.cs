namespace BackupReconciler.Host.EventLog;

/// <summary>One event log entry: where it was logged, by which source, its ID, when (UTC) and its text.</summary>
public sealed record EventRecord(string Log, string Source, int Id, DateTimeOffset Time, string Message);
