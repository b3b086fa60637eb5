using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// The port's settings as INetFwRule's properties take them (NET_FW_* constants, comma-separated lists,
/// "*" for any, and the keyword spellings the firewall API documents).
/// </summary>
internal static class FirewallComValues
{
    /// <summary>NET_FW_PROFILE2_ALL.</summary>
    public const int AllProfiles = 0x7FFFFFFF;

    private static readonly Dictionary<string, string> PortKeywords = new(StringComparer.Ordinal)
    {
        ["RPCEPMap"] = "RPC-EPMap",
        ["PlayToDiscovery"] = "Ply2Disc",
        ["IPHTTPSIn"] = "IPHTTPS",
        ["IPHTTPSOut"] = "IPHTTPS",
    };

    /// <summary>NET_FW_RULE_DIR_IN = 1, NET_FW_RULE_DIR_OUT = 2.</summary>
    public static int Direction(FirewallDirection direction) => direction == FirewallDirection.Inbound ? 1 : 2;

    /// <summary>NET_FW_ACTION_BLOCK = 0, NET_FW_ACTION_ALLOW = 1.</summary>
    public static int Action(FirewallAction action) => action == FirewallAction.Allow ? 1 : 0;

    /// <summary>The protocol number; 256 is NET_FW_IP_PROTOCOL_ANY.</summary>
    public static int Protocol(FirewallProtocol protocol) => protocol.Number;

    public static string Ports(PortSet ports) =>
        ports.IsAny ? "*" : string.Join(",", ports.Ranges.Select(r => r.ToString()).Concat(ports.Keywords.Select(k => PortKeywords.GetValueOrDefault(k, k))).Distinct(StringComparer.Ordinal));

    public static string Addresses(AddressSet addresses) =>
        addresses.IsAny ? "*" : string.Join(",", addresses.Entries);

    /// <summary>NET_FW_PROFILE2_DOMAIN = 1, PRIVATE = 2, PUBLIC = 4.</summary>
    public static int Profiles(ProfileSet profiles) =>
        profiles.IsAny ? AllProfiles : (profiles.Domain ? 1 : 0) | (profiles.Private ? 2 : 0) | (profiles.Public ? 4 : 0);
}
