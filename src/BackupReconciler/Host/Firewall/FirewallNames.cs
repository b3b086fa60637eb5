using BackupReconciler.Input;

namespace BackupReconciler.Host.Firewall;

/// <summary>How rule directions and actions are spelled in baselines, snapshots and reports.</summary>
public static class FirewallNames
{
    public static readonly EnumNames<FirewallDirection> Directions = new(
        ("inbound", FirewallDirection.Inbound),
        ("outbound", FirewallDirection.Outbound));

    public static readonly EnumNames<FirewallAction> Actions = new(
        ("allow", FirewallAction.Allow),
        ("block", FirewallAction.Block));
}
