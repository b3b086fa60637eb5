namespace BackupReconciler.Windows.Firewall;

/// <summary>A rule of a store that could not be read, and why.</summary>
public sealed record FirewallRuleProblem(string Store, string Id, string Message);
