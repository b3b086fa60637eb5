namespace BackupReconciler.Host.Sql;

/// <summary>What to change on one job; a null member is left as it is.</summary>
public sealed record SqlAgentJobUpdate(string JobName, bool? Enabled, string? Owner);
