namespace BackupReconciler.Windows.Firewall;

/// <summary>The network profiles a rule applies to: its <c>Profile=</c> fields; none of them means all.</summary>
[Flags]
public enum RuleProfiles
{
    None = 0,
    Domain = 1,
    Private = 2,
    Public = 4,
    All = Domain | Private | Public,
}
