namespace BackupReconciler.Host.Firewall;

public enum FirewallAction
{
    Allow,
    Block,
}
