namespace BackupReconciler.Host.AccessRules;

/// <summary>Whether an access rule grants or denies; a deny rule wins over any allow rule for the same rights.</summary>
public enum AccessRuleType
{
    Allow,
    Deny,
}
