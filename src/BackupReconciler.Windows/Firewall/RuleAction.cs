namespace BackupReconciler.Windows.Firewall;

/// <summary>A rule string's <c>Action=</c>.</summary>
public enum RuleAction
{
    Allow,
    Block,

    /// <summary>"ByPass": allow authenticated traffic past block rules.</summary>
    ByPass,
}
