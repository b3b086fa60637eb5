namespace BackupReconciler.Host.Sql;

/// <summary>
/// One SQL Server Agent job as far as the reconciler cares. DPM's jobs have a single step
/// ("Default JobStep"), so the command of the first step stands for the job.
/// </summary>
public sealed record SqlAgentJob(string Name, bool Enabled, string Owner, string StepCommand);
