using BackupReconciler.Host.Sql;

namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>A DPM job and the TriggerJob.exe path its step runs.</summary>
public sealed record SelectedJob(SqlAgentJob Job, string Program);
