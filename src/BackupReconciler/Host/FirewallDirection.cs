namespace BackupReconciler.Host;

public enum FirewallDirection
{
    Inbound,
    Outbound,
}
