namespace BackupReconciler.Host.Firewall;

public enum FirewallDirection
{
    Inbound,
    Outbound,
}
