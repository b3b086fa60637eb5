namespace BackupReconciler.Windows.Firewall;

/// <summary>A rule string's <c>Dir=</c>.</summary>
public enum RuleDirection
{
    In,
    Out,
}
