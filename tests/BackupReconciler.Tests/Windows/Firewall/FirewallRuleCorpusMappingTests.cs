using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Tests.Support;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>
/// Every real rule string maps to the firewall port's rule that its mechanical field split says —
/// ports and addresses expanded here by brute force, keywords by the documented spellings — or is
/// named below as one the port cannot express, with why. A new unmappable string fails.
/// </summary>
public sealed partial class FirewallRuleCorpusMappingTests
{
    /// <summary>Corpus lines the port cannot express, each with the start of the problem it must report and why that is right.</summary>
    private static readonly Dictionary<int, (string Problem, string Why)> ExpectedUnmappable = new()
    {
        [1] = ("its local ports have \"IPTLSIn\"", "IPTLSIn is a rule-store port keyword (IP over TLS, Windows 10 1709 and later) that baselines cannot state: PortSet has no such keyword"),
        [2] = ("its remote ports have \"IPTLSOut\"", "IPTLSOut is the outbound twin of IPTLSIn, equally outside what a baseline can state"),
    };

    /// <summary>The rule store's port keyword spellings → New-NetFirewallRule's names (its -LocalPort documentation).</summary>
    private static readonly Dictionary<string, string> PortKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RPC"] = "RPC", ["RPC-EPMap"] = "RPCEPMap", ["Teredo"] = "Teredo", ["IPHTTPSIn"] = "IPHTTPSIn",
        ["IPHTTPSOut"] = "IPHTTPSOut", ["Ply2Disc"] = "PlayToDiscovery", ["mDNS"] = "mDNS", ["DHCP"] = "DHCP",
    };

    /// <summary>The rule store's address keyword spellings (MS-GPFAS) → New-NetFirewallRule's -RemoteAddress names.</summary>
    private static readonly Dictionary<string, string> AddressKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LocalSubnet"] = "LocalSubnet", ["DNS"] = "DNS", ["DHCP"] = "DHCP", ["WINS"] = "WINS", ["DefaultGateway"] = "DefaultGateway",
        ["IntErnet"] = "Internet", ["IntrAnet"] = "Intranet", ["RmtIntrAnet"] = "IntranetRemoteAccess", ["Ply2Renders"] = "PlayToDevice",
        ["CaptivePortal"] = "CaptivePortal",
    };

    public static TheoryData<int> Lines => FirewallRuleCorpus.Lines();

    [Fact]
    public void EveryExpectedUnmappableLineIsInTheCorpusAndSaysWhy()
    {
        Assert.All(ExpectedUnmappable, e =>
        {
            Assert.InRange(e.Key, 1, FirewallRuleCorpus.Rules.Count);
            Assert.True(e.Value.Why.Length > 20, $"line {e.Key} needs a reason");
        });
        Assert.True(FirewallRuleCorpus.Rules.Count - ExpectedUnmappable.Count >= 60, "most real rules must map");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ARealRuleMapsToWhatItsFieldsSayOrIsNamedAsUnmappable(int line)
    {
        var corpus = FirewallRuleCorpus.Rules[line - 1];
        Assert.True(FirewallRuleString.TryParse(corpus.Text, out var parsed, out var parseError), $"line {line} does not parse: {parseError}");

        var mapped = FirewallRuleMapping.TryMap(parsed, "x", out var rule, out var problem);

        if (ExpectedUnmappable.TryGetValue(line, out var expected))
        {
            Assert.False(mapped, $"line {line} maps, but is listed as unmappable ({expected.Why}); take it off the list");
            Assert.StartsWith(expected.Problem, problem, StringComparison.Ordinal);
            return;
        }

        Assert.True(mapped, $"line {line} does not map ({problem}); map it, or list it as unmappable with the reason: {corpus.Text}");
        Assert.NotNull(rule);
        var fields = corpus.Fields;
        Assert.Equal(corpus.Single("Active") == "TRUE", rule.Enabled);
        Assert.Equal(corpus.Single("Dir") == "In" ? FirewallDirection.Inbound : FirewallDirection.Outbound, rule.Direction);
        Assert.Equal(corpus.Single("Action") == "Allow" ? FirewallAction.Allow : FirewallAction.Block, rule.Action);
        Assert.Equal(corpus.Single("Protocol") is { } protocol ? int.Parse(protocol, CultureInfo.InvariantCulture) : 256, rule.Protocol.Number);
        var profiles = fields.GetValueOrDefault("Profile") ?? ["Domain", "Private", "Public"];
        Assert.Equal((profiles.Contains("Domain"), profiles.Contains("Private"), profiles.Contains("Public")), (rule.Profiles.Domain, rule.Profiles.Private, rule.Profiles.Public));

        AssertPorts(Values(fields, LocalPortKey()), rule.LocalPorts);
        AssertPorts(Values(fields, RemotePortKey()), rule.RemotePorts);
        AssertRemoteAddresses(fields, rule.RemoteAddresses);
    }

    /// <summary>Every port number the field values cover, one by one, against every port the set's ranges cover.</summary>
    private static void AssertPorts(IReadOnlyList<string> values, PortSet set)
    {
        var numbers = new SortedSet<int>();
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (PortKeywords.TryGetValue(value, out var keyword))
            {
                keywords.Add(keyword);
                continue;
            }

            var ends = value.Split('-');
            for (var port = int.Parse(ends[0], CultureInfo.InvariantCulture); port <= int.Parse(ends[^1], CultureInfo.InvariantCulture); port++)
            {
                numbers.Add(port);
            }
        }

        Assert.Equal(values.Count == 0, set.IsAny);
        Assert.Equal(numbers, new SortedSet<int>(set.Ranges.SelectMany(r => Enumerable.Range(r.Low, r.High - r.Low + 1))));
        Assert.Equal(keywords, new SortedSet<string>(set.Keywords, StringComparer.Ordinal));
    }

    /// <summary>
    /// RA4*/RA6* values: addresses and subnets as the intervals they cover (computed here from the
    /// address bytes), and keywords by family — stored for both families it is the keyword, for one
    /// only it is that family's keyword (LocalSubnet4), as Windows matches it.
    /// </summary>
    private static void AssertRemoteAddresses(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, AddressSet set)
    {
        var intervals = new List<(AddressFamily, UInt128, UInt128)>();
        var keywordFamilies = new Dictionary<string, SortedSet<char>>(StringComparer.Ordinal);
        foreach (var (key, values) in fields.Where(f => RemoteAddressKey().IsMatch(f.Key)))
        {
            foreach (var value in values)
            {
                if (AddressKeywords.TryGetValue(value, out var keyword))
                {
                    (keywordFamilies.TryGetValue(keyword, out var families) ? families : keywordFamilies[keyword] = []).Add(key[2]);
                    continue;
                }

                intervals.Add(Interval(value));
            }
        }

        var keywords = keywordFamilies.Select(k => k.Value.Count == 2 ? k.Key : k.Key + k.Value.Single()).Order(StringComparer.Ordinal);
        Assert.Equal(keywords, set.Keywords.Order(StringComparer.Ordinal));
        Assert.Equal(Merge(intervals), Merge(set.Ranges.Select(r => (r.Family, r.Low, r.High))));
    }

    private static (AddressFamily, UInt128, UInt128) Interval(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? value : value[..slash]);
        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var number = bytes.Aggregate(UInt128.Zero, (n, b) => (n << 8) | b);
        var prefix = slash < 0 ? bits
            : value[(slash + 1)..].Contains('.', StringComparison.Ordinal)
                ? IPAddress.Parse(value[(slash + 1)..]).GetAddressBytes().Sum(b => BitCount(b))
                : int.Parse(value[(slash + 1)..], CultureInfo.InvariantCulture);
        var host = prefix == bits ? UInt128.Zero : (UInt128.One << (bits - prefix)) - 1;
        return (address.AddressFamily, number & ~host, (number & ~host) | host);
    }

    private static int BitCount(byte b) => Enumerable.Range(0, 8).Count(i => (b >> i & 1) == 1);

    private static List<(AddressFamily, UInt128, UInt128)> Merge(IEnumerable<(AddressFamily Family, UInt128 Low, UInt128 High)> intervals)
    {
        var merged = new List<(AddressFamily, UInt128, UInt128)>();
        foreach (var (family, low, high) in intervals.OrderBy(i => i.Family).ThenBy(i => i.Low))
        {
            if (merged.Count > 0 && merged[^1].Item1 == family && low <= merged[^1].Item3 + 1)
            {
                merged[^1] = (family, merged[^1].Item2, UInt128.Max(high, merged[^1].Item3));
            }
            else
            {
                merged.Add((family, low, high));
            }
        }

        return merged;
    }

    private static List<string> Values(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, Regex keys) =>
        fields.Where(f => keys.IsMatch(f.Key)).SelectMany(f => f.Value).ToList();

    [GeneratedRegex("^LPort(2_[0-9]+)?$")]
    private static partial Regex LocalPortKey();

    [GeneratedRegex("^RPort(2_[0-9]+)?$")]
    private static partial Regex RemotePortKey();

    [GeneratedRegex("^RA[46][0-9]*$")]
    private static partial Regex RemoteAddressKey();
}
