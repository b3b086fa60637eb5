namespace BackupReconciler.Host;

public enum FirewallAction
{
    Allow,
    Block,
}
