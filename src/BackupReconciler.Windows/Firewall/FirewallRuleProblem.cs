namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// A rule of a store that could not be read, and why; <see cref="Name"/> is its <c>Name=</c> field when
/// one could still be found in the string (null otherwise: the rule is then known by its id).
/// </summary>
public sealed record FirewallRuleProblem(string Store, string Id, string Message, string? Name = null);
