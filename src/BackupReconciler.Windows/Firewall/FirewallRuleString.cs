using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// One firewall rule as Windows stores it in the registry
/// (<c>v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=135|…|</c>), parsed and typed but not
/// yet mapped to the firewall port: every field the reconciler cares about is here with its meaning,
/// and every other field is kept as written in <see cref="OtherFields"/>.
/// </summary>
public sealed record FirewallRuleString
{
    /// <summary>The schema version, <c>v2.33</c> → 2.33. Unknown versions are read with the same grammar.</summary>
    public required Version Version { get; init; }

    public required RuleAction Action { get; init; }

    /// <summary><c>Active=TRUE</c>: the rule is enabled.</summary>
    public required bool Active { get; init; }

    public required RuleDirection Direction { get; init; }

    /// <summary>The IP protocol number (6 TCP, 17 UDP, 1 ICMPv4, 58 ICMPv6 …); null when absent, which means any.</summary>
    public int? Protocol { get; init; }

    /// <summary>The profiles named; <see cref="RuleProfiles.All"/> when the rule names none.</summary>
    public RuleProfiles Profiles { get; init; } = RuleProfiles.All;

    /// <summary>LPort, LPort2_10, LPort2_20 … entries in the order written; empty means any.</summary>
    public IReadOnlyList<RulePort> LocalPorts { get; init; } = [];

    /// <summary>RPort, RPort2_10 … entries in the order written; empty means any.</summary>
    public IReadOnlyList<RulePort> RemotePorts { get; init; } = [];

    /// <summary>LA4, LA6 … entries in the order written; empty means any.</summary>
    public IReadOnlyList<RuleAddress> LocalAddresses { get; init; } = [];

    /// <summary>RA4, RA6, RA42, RA62 … entries in the order written; empty means any.</summary>
    public IReadOnlyList<RuleAddress> RemoteAddresses { get; init; } = [];

    /// <summary><c>App=</c>: the program path as stored (environment variables not expanded), or <c>System</c>.</summary>
    public string? App { get; init; }

    /// <summary><c>Svc=</c>: the service short name.</summary>
    public string? Service { get; init; }

    /// <summary><c>Name=</c>: the display name, or an indirect string such as <c>@FirewallAPI.dll,-28539</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>Desc=</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>EmbedCtxt=</c>: the rule group.</summary>
    public string? EmbeddedContext { get; init; }

    /// <summary><c>Edge=TRUE</c>: edge traversal allowed.</summary>
    public bool EdgeTraversal { get; init; }

    /// <summary><c>Defer=</c>: edge traversal deferred to the application or the user; null when absent.</summary>
    public EdgeDefer? Defer { get; init; }

    /// <summary>Every other field (ICMP4, LUAuth, PFN, Platform, TTK, Security …) as written, in order, repeats kept.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherFields { get; init; } = [];

    /// <summary>"tcp", "udp", "any", or the protocol number.</summary>
    public string ProtocolName => Protocol switch
    {
        null => "any",
        6 => "tcp",
        17 => "udp",
        var number => number.Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a rule string; a malformed one gives the reason in <paramref name="error"/>, never an exception.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FirewallRuleString? rule, [NotNullWhen(false)] out string? error) =>
        FirewallRuleStringParser.TryParse(text, out rule, out error);

    /// <summary>Parses a rule string; a malformed one throws <see cref="FormatException"/> with the reason.</summary>
    public static FirewallRuleString Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw new FormatException(error);
}
