using System.Globalization;
using System.Text.RegularExpressions;
using BackupReconciler.Tests.Support;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>
/// Every real rule string of the corpus parses, and what the parser understood agrees field by field
/// with the corpus's mechanical split.
/// </summary>
public sealed partial class FirewallRuleStringCorpusTests
{
    private static readonly HashSet<string> Interpreted = new(StringComparer.Ordinal)
    {
        "Action", "Active", "Dir", "Protocol", "Profile", "App", "Svc", "Name", "Desc", "EmbedCtxt", "Edge", "Defer",
    };

    public static TheoryData<int> Lines => FirewallRuleCorpus.Lines();

    [Fact]
    public void TheCorpusHoldsEnoughRulesToCoverEveryInterpretedField()
    {
        var keys = FirewallRuleCorpus.Rules.SelectMany(r => r.Fields.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.True(FirewallRuleCorpus.Rules.Count >= 30);
        Assert.Subset(keys, new HashSet<string>(StringComparer.Ordinal)
        {
            "Action", "Active", "Dir", "Protocol", "Profile", "LPort", "LPort2_10", "LPort2_20", "RPort", "RPort2_10",
            "RA4", "RA6", "RA42", "RA62", "LA4", "LA6", "App", "Svc", "Name", "Desc", "EmbedCtxt", "Edge", "Defer",
        });
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ARealRuleStringAgreesWithItsMechanicalSplit(int line)
    {
        var expected = FirewallRuleCorpus.Rules[line - 1];

        Assert.True(FirewallRuleString.TryParse(expected.Text, out var rule, out var error), error);

        Assert.Equal(expected.Version, $"v{rule.Version.Major}.{rule.Version.Minor}");
        Assert.Equal(expected.Single("Action"), rule.Action.ToString());
        Assert.Equal(expected.Single("Active"), rule.Active ? "TRUE" : "FALSE");
        Assert.Equal(expected.Single("Dir"), rule.Direction.ToString());
        Assert.Equal(expected.Single("Protocol") is { } protocol ? int.Parse(protocol, CultureInfo.InvariantCulture) : null, rule.Protocol);
        Assert.Equal(ExpectedProfiles(expected), rule.Profiles);
        AssertEntries(expected, LocalPortKey(), rule.LocalPorts.Select(p => (p.Key, p.Text)));
        AssertEntries(expected, RemotePortKey(), rule.RemotePorts.Select(p => (p.Key, p.Text)));
        AssertEntries(expected, LocalAddressKey(), rule.LocalAddresses.Select(a => (a.Key, a.Text)));
        AssertEntries(expected, RemoteAddressKey(), rule.RemoteAddresses.Select(a => (a.Key, a.Text)));
        Assert.Equal(expected.Single("App"), rule.App);
        Assert.Equal(expected.Single("Svc"), rule.Service);
        Assert.Equal(expected.Single("Name"), rule.Name);
        Assert.Equal(expected.Single("Desc"), rule.Description);
        Assert.Equal(expected.Single("EmbedCtxt"), rule.EmbeddedContext);
        Assert.Equal(expected.Single("Edge") == "TRUE", rule.EdgeTraversal);
        Assert.Equal(expected.Single("Defer"), rule.Defer?.ToString());

        var others = expected.Fields
            .Where(f => !Interpreted.Contains(f.Key) && !IsPortOrAddressKey(f.Key))
            .SelectMany(f => f.Value.Select(v => (f.Key, v)))
            .Order()
            .ToList();
        Assert.Equal(others, rule.OtherFields.Select(f => (f.Key, f.Value)).Order().ToList());
    }

    [Fact]
    public void EveryPortAndAddressOfTheRealRulesIsUnderstoodNotJustKept()
    {
        var rules = FirewallRuleCorpus.Rules.Select(r => (r.Line, Rule: FirewallRuleString.Parse(r.Text))).ToList();
        var ports = rules.SelectMany(r => r.Rule.LocalPorts.Concat(r.Rule.RemotePorts).Select(p => (r.Line, Port: p))).ToList();
        var addresses = rules.SelectMany(r => r.Rule.LocalAddresses.Concat(r.Rule.RemoteAddresses).Select(a => (r.Line, Address: a))).ToList();

        // Counted first, so the checks below can never hold over nothing.
        Assert.True(ports.Count >= 40 && addresses.Count >= 15, $"{ports.Count} ports and {addresses.Count} addresses in the corpus");
        Assert.All(ports, p =>
            Assert.True(p.Port.Kind == RulePortKind.Keyword ? p.Port.IsKnownKeyword : p.Port.Low <= p.Port.High, $"line {p.Line}: {p.Port.Text}"));
        Assert.All(addresses, a =>
            Assert.True(a.Address.Kind == RuleAddressKind.Keyword ? a.Address.IsKnownKeyword : a.Address.First is not null, $"line {a.Line}: {a.Address.Text}"));
    }

    private static RuleProfiles ExpectedProfiles(CorpusRule rule) =>
        rule.Fields.TryGetValue("Profile", out var profiles)
            ? profiles.Aggregate(RuleProfiles.None, (all, p) => all | Enum.Parse<RuleProfiles>(p))
            : RuleProfiles.All;

    /// <summary>Per key (LPort, LPort2_10 …), the parsed entries are the split's values in order, and nothing else.</summary>
    private static void AssertEntries(CorpusRule expected, Regex keys, IEnumerable<(string Key, string Text)> parsed)
    {
        var want = expected.Fields.Where(f => keys.IsMatch(f.Key)).SelectMany(f => f.Value.Select(v => (f.Key, v))).ToList();
        var got = parsed.ToList();
        Assert.Equal(want.OrderBy(e => e.Key, StringComparer.Ordinal), got.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static bool IsPortOrAddressKey(string key) =>
        LocalPortKey().IsMatch(key) || RemotePortKey().IsMatch(key) || LocalAddressKey().IsMatch(key) || RemoteAddressKey().IsMatch(key);

    [GeneratedRegex("^LPort(2_[0-9]+)?$")]
    private static partial Regex LocalPortKey();

    [GeneratedRegex("^RPort(2_[0-9]+)?$")]
    private static partial Regex RemotePortKey();

    [GeneratedRegex("^LA[46][0-9]*$")]
    private static partial Regex LocalAddressKey();

    [GeneratedRegex("^RA[46][0-9]*$")]
    private static partial Regex RemoteAddressKey();
}
