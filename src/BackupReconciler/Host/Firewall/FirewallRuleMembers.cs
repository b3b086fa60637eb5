namespace BackupReconciler.Host.Firewall;

/// <summary>The settings of a rule by their member names in baselines, snapshots and differences.</summary>
public static class FirewallRuleMembers
{
    public const string Enabled = "enabled";
    public const string Direction = "direction";
    public const string Action = "action";
    public const string Protocol = "protocol";
    public const string LocalPorts = "localPorts";
    public const string RemotePorts = "remotePorts";
    public const string RemoteAddresses = "remoteAddresses";
    public const string Profiles = "profiles";

    /// <summary>In the order differences are reported and the live host applies them (protocol before ports, as COM requires).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Enabled, Direction, Action, Protocol, LocalPorts, RemotePorts, RemoteAddresses, Profiles];
}
