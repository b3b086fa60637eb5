namespace BackupReconciler.Windows.Firewall;

/// <summary>One rule of a store: which store, its id (the registry value's name) and the parsed string.</summary>
public sealed record StoredFirewallRule(string Store, string Id, FirewallRuleString Rule);
