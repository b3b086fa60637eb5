using System.Diagnostics.CodeAnalysis;
using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// A parsed rule string → the firewall port's rule. The port holds what baselines state (enabled,
/// direction, action, protocol, local and remote ports, remote addresses, profiles); a rule that uses
/// something the port cannot say (a ByPass action, a port keyword it does not know) is a problem for
/// that rule's name only, never silently read as something else.
/// </summary>
internal static partial class FirewallRuleMapping
{
    /// <summary>The newest rule string version known ([MS-GPFAS] 2.2.2.19; Windows 11 writes v2.33).</summary>
    internal static readonly Version NewestKnownVersion = new(2, 33);

    public static bool TryMap(FirewallRuleString rule, string name, [NotNullWhen(true)] out FirewallRule? mapped, [NotNullWhen(false)] out string? problem)
    {
        mapped = null;
        if (rule.Version > NewestKnownVersion)
        {
            problem = $"its version v{rule.Version} is newer than the v{NewestKnownVersion} this tool knows, so it may hold conditions this tool cannot see";
            return false;
        }

        if (rule.OtherFields.FirstOrDefault(f => !KnownOtherField().IsMatch(f.Key)) is { Key: { } unknown })
        {
            problem = $"its field \"{unknown}\" is one this tool does not know, so it may hold a condition this tool cannot see";
            return false;
        }

        if (rule.Action == RuleAction.ByPass)
        {
            problem = "its action is ByPass (allow authenticated traffic past block rules), which a baseline cannot state";
            return false;
        }

        if (!PortSet.TryParse(rule.LocalPorts.Select(p => p.Text).ToList(), out var localPorts, out var localProblem))
        {
            problem = $"its local ports have {localProblem!.Message}";
            return false;
        }

        if (!PortSet.TryParse(rule.RemotePorts.Select(p => p.Text).ToList(), out var remotePorts, out var remoteProblem))
        {
            problem = $"its remote ports have {remoteProblem!.Message}";
            return false;
        }

        if (!AddressSet.TryParse(RemoteAddressEntries(rule.RemoteAddresses), out var addresses, out var addressProblem))
        {
            problem = $"its remote addresses have {addressProblem!.Message}";
            return false;
        }

        problem = null;
        mapped = new FirewallRule(
            name,
            rule.Active,
            rule.Direction == RuleDirection.In ? FirewallDirection.Inbound : FirewallDirection.Outbound,
            rule.Action == RuleAction.Allow ? FirewallAction.Allow : FirewallAction.Block,
            rule.Protocol is { } number ? new FirewallProtocol(number) : FirewallProtocol.Any,
            localPorts,
            remotePorts,
            addresses,
            new ProfileSet(rule.Profiles.HasFlag(RuleProfiles.Domain), rule.Profiles.HasFlag(RuleProfiles.Private), rule.Profiles.HasFlag(RuleProfiles.Public)));
        return true;
    }

    /// <summary>
    /// Addresses as written, and keywords by the families they are stored for: a keyword stored for IPv4
    /// and IPv6 (RA4=LocalSubnet|RA6=LocalSubnet, what New-NetFirewallRule writes) is the keyword; stored
    /// for one family only it is that family's keyword (LocalSubnet4), which is what it matches.
    /// </summary>
    internal static IReadOnlyList<string> RemoteAddressEntries(IReadOnlyList<RuleAddress> addresses)
    {
        var entries = addresses.Where(a => a.Kind != RuleAddressKind.Keyword).Select(a => a.Text).ToList();
        foreach (var keyword in addresses.Where(a => a.Kind == RuleAddressKind.Keyword).GroupBy(a => a.Keyword!, StringComparer.OrdinalIgnoreCase))
        {
            var families = keyword.Select(a => a.Family).Distinct().ToList();
            entries.Add(families.Count == 2 ? keyword.Key : keyword.Key + families[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return entries;
    }

    /// <summary>
    /// The fields of [MS-GPFAS] 2.2.2.19 the port does not model but knows (conditions on programs,
    /// packages, users, platforms, ICMP types, interfaces, security), in their versioned forms too
    /// (TTK2_22, Security2_9). A rule with any other field is not fully understood.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(ICMP4|ICMP6|LUAuth|LUOwn|RUAuth|RMauth|RUMA|Platform|Platform2|PlatformValidityFlags|TTK|Security|Security2|PFN|AppPkgId|IF|IFType|SkipVer|PCross|LOM|NNm|SecurityRealmId|AuthByPassOut|RSNm)(2_\d+)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KnownOtherField();
}
