using System.Net;
using BackupReconciler.Tests.Support;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>What the parser makes of numbers and keywords, and how it refuses what is not a rule string.</summary>
public sealed class FirewallRuleStringTests
{
    private const string Head = "v2.33|Action=Allow|Active=TRUE|Dir=In|";

    [Theory]
    [InlineData("Protocol=6|", 6, "tcp")]
    [InlineData("Protocol=17|", 17, "udp")]
    [InlineData("Protocol=58|", 58, "58")]
    [InlineData("Protocol=0|", 0, "0")]
    [InlineData("", null, "any")]
    public void ProtocolsAreNumbersAndAnAbsentProtocolMeansAny(string field, int? number, string name)
    {
        var rule = FirewallRuleString.Parse(Head + field);

        Assert.Equal(number, rule.Protocol);
        Assert.Equal(name, rule.ProtocolName);
    }

    [Fact]
    public void TheFirstRealRuleReadsAsWindowsMeansIt()
    {
        // v2.33|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort2_10=IPTLSIn|LPort2_10=IPHTTPSIn|App=System|…
        var rule = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[0].Text);

        Assert.Equal(new Version(2, 33), rule.Version);
        Assert.Equal(RuleAction.Block, rule.Action);
        Assert.True(rule.Active);
        Assert.Equal(RuleDirection.In, rule.Direction);
        Assert.Equal(RuleProfiles.All, rule.Profiles);
        Assert.Equal(["IPTLSIn", "IPHTTPSIn"], rule.LocalPorts.Select(p => p.Keyword));
        Assert.All(rule.LocalPorts, p => Assert.Equal("LPort2_10", p.Key));
        Assert.Empty(rule.RemotePorts);
        Assert.Equal("System", rule.App);
        Assert.Equal("@FirewallAPI.dll,-25426", rule.Name);
        Assert.Equal("@FirewallAPI.dll,-25000", rule.EmbeddedContext);
    }

    [Theory]
    [InlineData("LPort=RPC-EPMap", "RPC-EPMap")]
    [InlineData("LPort=rpc-epmap", "RPC-EPMap")]
    [InlineData("LPort=RPC", "RPC")]
    [InlineData("LPort=Teredo", "Teredo")]
    [InlineData("LPort2_10=IPHTTPSIn", "IPHTTPSIn")]
    [InlineData("RPort2_10=IPTLSOut", "IPTLSOut")]
    [InlineData("LPort2_20=Ply2Disc", "Ply2Disc")]
    [InlineData("LPort2_20=mDNS", "mDNS")]
    public void PortKeywordsAreRecognisedInTheirWindowsSpelling(string field, string keyword)
    {
        var rule = FirewallRuleString.Parse(Head + "Protocol=6|" + field + "|");
        var port = rule.LocalPorts.Concat(rule.RemotePorts).Single();

        Assert.Equal(RulePortKind.Keyword, port.Kind);
        Assert.Equal(keyword, port.Keyword);
        Assert.True(port.IsKnownKeyword);
        Assert.Null(port.Low);
    }

    [Fact]
    public void PortNumbersAndRangesAreNumbers()
    {
        // Corpus line 51: a TCP block rule written as five remote port ranges.
        var rule = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[50].Text);

        Assert.Equal([(0, 52), (54, 66), (69, 79), (82, 442), (444, 1000)], rule.RemotePorts.Select(p => (p.Low!.Value, p.High!.Value)));
        Assert.All(rule.RemotePorts, p => Assert.Equal(RulePortKind.Range, p.Kind));

        var single = FirewallRuleString.Parse(Head + "Protocol=6|LPort=3389|LPort2_10=49152-65535|").LocalPorts;
        Assert.Equal((RulePortKind.Number, 3389, 3389), (single[0].Kind, single[0].Low!.Value, single[0].High!.Value));
        Assert.Equal((RulePortKind.Range, 49152, 65535), (single[1].Kind, single[1].Low!.Value, single[1].High!.Value));
    }

    [Fact]
    public void AddressesAreSinglesSubnetsRangesOrKeywords()
    {
        // Corpus line 4: LA6=fe80::/64 | RA4=LocalSubnet | RA6=LocalSubnet | RA6=ff02::1 | RA6=fe80::/64
        var rule = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[3].Text);

        var local = Assert.Single(rule.LocalAddresses);
        Assert.Equal((RuleAddressKind.Subnet, IPAddress.Parse("fe80::"), 64, 6), (local.Kind, local.First, local.PrefixLength!.Value, local.Family));
        Assert.Equal(
            [("RA4", RuleAddressKind.Keyword), ("RA6", RuleAddressKind.Keyword), ("RA6", RuleAddressKind.Single), ("RA6", RuleAddressKind.Subnet)],
            rule.RemoteAddresses.Select(a => (a.Key, a.Kind)));
        Assert.Equal("LocalSubnet", rule.RemoteAddresses[0].Keyword);
        Assert.Equal(IPAddress.Parse("ff02::1"), rule.RemoteAddresses[2].First);

        var range = FirewallRuleString.Parse(Head + "RA4=10.0.0.1-10.0.0.9|").RemoteAddresses.Single();
        Assert.Equal((RuleAddressKind.Range, IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.9")), (range.Kind, range.First, range.Last));
    }

    [Fact]
    public void ASubnetMaskBecomesAPrefixLength()
    {
        // Corpus line 62: LA4=192.168.1.0/255.255.255.0 | LA4=192.168.0.0/255.255.255.0
        var rule = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[61].Text);

        Assert.Equal([24, 24], rule.LocalAddresses.Select(a => a.PrefixLength!.Value));
        Assert.Equal(IPAddress.Parse("192.168.1.0"), rule.LocalAddresses[0].First);
        Assert.Equal("RPC", rule.LocalPorts.Single().Keyword);
        Assert.Equal(49000, rule.RemotePorts.Single().Low);
    }

    [Theory]
    [InlineData("RA42=IntErnet", "IntErnet")]
    [InlineData("RA62=IntrAnet", "IntrAnet")]
    [InlineData("RA42=Ply2Renders", "Ply2Renders")]
    [InlineData("RA4=DNS", "DNS")]
    [InlineData("RA4=dhcp", "DHCP")]
    [InlineData("RA4=WINS", "WINS")]
    [InlineData("RA4=DefaultGateway", "DefaultGateway")]
    [InlineData("RA4=localsubnet", "LocalSubnet")]
    public void AddressKeywordsAreRecognisedInTheirWindowsSpelling(string field, string keyword)
    {
        var address = FirewallRuleString.Parse(Head + field + "|").RemoteAddresses.Single();

        Assert.Equal((RuleAddressKind.Keyword, keyword, true), (address.Kind, address.Keyword, address.IsKnownKeyword));
    }

    [Fact]
    public void ProfilesAddUpAndNoProfileMeansAll()
    {
        Assert.Equal(RuleProfiles.Domain | RuleProfiles.Private, FirewallRuleString.Parse(Head + "Profile=Domain|Profile=Private|").Profiles);
        Assert.Equal(RuleProfiles.Public, FirewallRuleString.Parse(Head + "Profile=Public|").Profiles);
        Assert.Equal(RuleProfiles.All, FirewallRuleString.Parse(Head).Profiles);
    }

    [Fact]
    public void EdgeTraversalAndWhoDecidesAreRead()
    {
        // Corpus line 13: …|Edge=TRUE|Defer=App| ; line 60: …|Defer=User|
        var app = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[12].Text);
        var user = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[59].Text);

        Assert.Equal((true, EdgeDefer.App), (app.EdgeTraversal, app.Defer));
        Assert.Equal((false, EdgeDefer.User), (user.EdgeTraversal, user.Defer));
        Assert.Equal((false, (EdgeDefer?)null), (FirewallRuleString.Parse(Head).EdgeTraversal, FirewallRuleString.Parse(Head).Defer));
    }

    [Fact]
    public void FieldsItDoesNotInterpretAreKeptAsWrittenInOrder()
    {
        // Corpus line 14: LUAuth holds ':' ';' '(' and TTK2_22 is a versioned key nobody here reads.
        var rule = FirewallRuleString.Parse(FirewallRuleCorpus.Rules[13].Text);

        Assert.Equal(
            [new("LUAuth", "O:LSD:(A;;CC;;;UD)"), new KeyValuePair<string, string>("TTK2_22", "WFDDisplay")],
            rule.OtherFields);
    }

    [Fact]
    public void ALaterVersionWithFieldsAndKeywordsNotYetKnownStillParses()
    {
        var rule = FirewallRuleString.Parse("v3.1|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|LPort2_30=FutureKeyword|RA43=Somewhere|Hologram=a=b|");

        Assert.Equal(new Version(3, 1), rule.Version);
        Assert.Equal(("LPort2_30", "FutureKeyword", false), (rule.LocalPorts[0].Key, rule.LocalPorts[0].Keyword, rule.LocalPorts[0].IsKnownKeyword));
        Assert.Equal(("RA43", RuleAddressKind.Keyword, false), (rule.RemoteAddresses[0].Key, rule.RemoteAddresses[0].Kind, rule.RemoteAddresses[0].IsKnownKeyword));
        Assert.Equal([new KeyValuePair<string, string>("Hologram", "a=b")], rule.OtherFields);
    }

    [Fact]
    public void TheTrailingBarIsOptional()
    {
        Assert.Equal(RuleDirection.Out, FirewallRuleString.Parse("v2.30|Action=Block|Active=TRUE|Dir=Out").Direction);
    }

    [Theory]
    [InlineData("", "the firewall rule string is empty.")]
    [InlineData("Action=Allow|", "a firewall rule string starts with its version, such as \"v2.33|\"; this one starts with \"Action=Allow\".")]
    [InlineData("v2|Action=Allow|", "a firewall rule string starts with its version, such as \"v2.33|\"; this one starts with \"v2\".")]
    [InlineData(Head + "Protocol=tcp|", "field 4 (\"Protocol=tcp\") of the firewall rule string: the protocol must be a number from 0 to 255 (6 is TCP, 17 UDP); found \"tcp\".")]
    [InlineData(Head + "Protocol=300|", "field 4 (\"Protocol=300\") of the firewall rule string: the protocol must be a number from 0 to 255 (6 is TCP, 17 UDP); found \"300\".")]
    [InlineData(Head + "LPort=70000|", "field 4 (\"LPort=70000\") of the firewall rule string: \"70000\" is not a port (0-65535), a port range such as 49152-65535 or a port keyword such as RPC.")]
    [InlineData(Head + "LPort=3389x|", "field 4 (\"LPort=3389x\") of the firewall rule string: \"3389x\" is not a port (0-65535), a port range such as 49152-65535 or a port keyword such as RPC.")]
    [InlineData(Head + "LPort2_10=200-100|", "field 4 (\"LPort2_10=200-100\") of the firewall rule string: the port range \"200-100\" ends before it starts.")]
    [InlineData(Head + "RA4=fe80::1|", "field 4 (\"RA4=fe80::1\") of the firewall rule string: \"fe80::1\" is not an IPv4 address, range, subnet or address keyword such as LocalSubnet.")]
    [InlineData(Head + "RA4=10.0.0.0/33|", "field 4 (\"RA4=10.0.0.0/33\") of the firewall rule string: \"33\" is neither a prefix length nor a contiguous subnet mask.")]
    [InlineData(Head + "LA4=192.168.1.0/255.0.255.0|", "field 4 (\"LA4=192.168.1.0/255.0.255.0\") of the firewall rule string: \"255.0.255.0\" is neither a prefix length nor a contiguous subnet mask.")]
    [InlineData(Head + "RA4=10.0.0.9-10.0.0.1|", "field 4 (\"RA4=10.0.0.9-10.0.0.1\") of the firewall rule string: the address range \"10.0.0.9-10.0.0.1\" ends before it starts.")]
    [InlineData("v2.33|Action=Maybe|Active=TRUE|Dir=In|", "field 1 (\"Action=Maybe\") of the firewall rule string: the value must be Allow, Block or ByPass; found \"Maybe\".")]
    [InlineData("v2.33|Action=Allow|Active=yes|Dir=In|", "field 2 (\"Active=yes\") of the firewall rule string: the value must be TRUE or FALSE; found \"yes\".")]
    [InlineData("v2.33|Action=Allow|Active=TRUE|Dir=Sideways|", "field 3 (\"Dir=Sideways\") of the firewall rule string: the value must be In or Out; found \"Sideways\".")]
    [InlineData(Head + "Profile=Home|", "field 4 (\"Profile=Home\") of the firewall rule string: the value must be Domain, Private or Public; found \"Home\".")]
    [InlineData(Head + "Action=Block|", "field 4 (\"Action=Block\") of the firewall rule string: Action appears twice.")]
    [InlineData(Head + "Defer=Nobody|", "field 4 (\"Defer=Nobody\") of the firewall rule string: the value must be App or User; found \"Nobody\".")]
    [InlineData("v2.33|Action=Allow||Active=TRUE|Dir=In|", "field 2 of the firewall rule string is empty (two \"|\" in a row).")]
    [InlineData(Head + "JustAWord|", "field 4 (\"JustAWord\") of the firewall rule string: a field is written Key=Value.")]
    [InlineData(Head + "=value|", "field 4 (\"=value\") of the firewall rule string: a field is written Key=Value.")]
    [InlineData("v2.33|Action=Allow|Active=TRUE|", "the firewall rule string has no Dir field; every rule Windows writes has Action, Active and Dir.")]
    public void AMalformedRuleStringGivesAClearReasonAndNoException(string text, string reason)
    {
        Assert.False(FirewallRuleString.TryParse(text, out var rule, out var error));
        Assert.Null(rule);
        Assert.Equal(reason, error);
        Assert.Equal(reason, Assert.Throws<FormatException>(() => FirewallRuleString.Parse(text)).Message);
    }

    [Fact]
    public void ALongBadValueIsShortenedInTheMessage()
    {
        Assert.False(FirewallRuleString.TryParse(Head + "Protocol=" + new string('9', 200) + "|", out _, out var error));

        Assert.Contains("…", error, StringComparison.Ordinal);
        Assert.True(error!.Length < 300);
    }

    [Fact]
    public void NoCutOrDamageOfARealRuleMakesTheParserThrow()
    {
        foreach (var corpus in FirewallRuleCorpus.Rules)
        {
            for (var length = 0; length <= corpus.Text.Length; length++)
            {
                var cut = corpus.Text[..length];
                var damaged = length < corpus.Text.Length ? corpus.Text.Remove(length, 1).Insert(length, "|=-/") : cut;
                Assert.True(FirewallRuleString.TryParse(cut, out _, out var e1) || e1 is not null);
                Assert.True(FirewallRuleString.TryParse(damaged, out _, out var e2) || e2 is not null);
            }
        }
    }
}
