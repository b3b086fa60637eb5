namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// The keywords rule strings use for ports and addresses whose numbers the system tracks. Sources:
/// [MS-FASP] FW_PORT_KEYWORD and FW_ADDRESS_KEYWORD, [MS-GPFAS] 2.2.2.13, and the strings seen in rule
/// stores. Matching ignores case; the canonical spelling is the one Windows writes.
/// </summary>
internal static class RuleKeywords
{
    public static readonly IReadOnlyDictionary<string, string> Ports = Canonical(
        "RPC", "RPC-EPMap", "Teredo", "IPTLSIn", "IPTLSOut", "IPHTTPSIn", "IPHTTPSOut", "DHCP", "Ply2Disc", "mDNS");

    public static readonly IReadOnlyDictionary<string, string> Addresses = Canonical(
        "LocalSubnet", "DNS", "DHCP", "WINS", "DefaultGateway", "IntrAnet", "IntErnet", "Ply2Renders", "RmtIntrAnet", "CaptivePortal");

    private static Dictionary<string, string> Canonical(params string[] keywords) =>
        keywords.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
}
