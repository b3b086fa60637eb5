namespace BackupReconciler.Windows.Firewall;

/// <summary>What one read of the rule stores found: the rules, and the values that are not rules.</summary>
public sealed record FirewallRuleStoreContents(IReadOnlyList<StoredFirewallRule> Rules, IReadOnlyList<FirewallRuleProblem> Problems);
