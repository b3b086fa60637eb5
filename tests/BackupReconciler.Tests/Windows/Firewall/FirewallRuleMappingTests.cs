using BackupReconciler.Host.Firewall;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>Parsed rule strings → the firewall port's rules, and the port's settings → FwPolicy2's values.</summary>
public sealed class FirewallRuleMappingTests
{
    [Fact]
    public void ARuleStringBecomesThePortsRuleWithSetsComparedAsSets()
    {
        var parsed = FirewallRuleString.Parse("v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|Profile=Private|LPort=135|LPort2_10=49152-65535|LPort=5718|RA4=10.0.0.0/255.255.255.0|RA4=10.0.1.5|Name=RPC for DPM|");

        Assert.True(FirewallRuleMapping.TryMap(parsed, "RPC for DPM", out var rule, out _));

        Assert.Equal(new FirewallRule("RPC for DPM", true, FirewallDirection.Inbound, FirewallAction.Allow, FirewallProtocol.Tcp,
            PortSet.Parse("135,5718,49152-65535"), PortSet.Any, AddressSet.Parse("10.0.0.0/24", "10.0.1.5"), ProfileSet.Parse("domain", "private")), rule);
    }

    [Fact]
    public void NoProtocolNoPortsNoAddressesAndNoProfileMeanAny()
    {
        Assert.True(FirewallRuleMapping.TryMap(FirewallRuleString.Parse("v2.10|Action=Block|Active=FALSE|Dir=Out|Name=x|"), "x", out var rule, out _));

        Assert.Equal(FirewallRule.WithDefaults("x") with { Enabled = false, Direction = FirewallDirection.Outbound, Action = FirewallAction.Block }, rule);
    }

    [Fact]
    public void AKeywordStoredForBothFamiliesIsTheKeywordAndForOneItIsThatFamilysKeyword()
    {
        var both = FirewallRuleString.Parse("v2.33|Action=Allow|Active=TRUE|Dir=In|RA4=LocalSubnet|RA6=LocalSubnet|RA42=IntErnet|RA62=IntErnet|");
        var ipv4 = FirewallRuleString.Parse("v2.33|Action=Allow|Active=TRUE|Dir=In|RA4=LocalSubnet|");

        Assert.True(FirewallRuleMapping.TryMap(both, "a", out var bothRule, out _));
        Assert.True(FirewallRuleMapping.TryMap(ipv4, "b", out var ipv4Rule, out _));

        Assert.Equal(AddressSet.Parse("LocalSubnet", "Internet"), bothRule.RemoteAddresses);
        Assert.Equal(AddressSet.Parse("LocalSubnet4"), ipv4Rule.RemoteAddresses);
    }

    [Theory]
    [InlineData("v2.33|Action=ByPass|Active=TRUE|Dir=In|", "its action is ByPass")]
    [InlineData("v2.33|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort2_10=IPTLSIn|", "its local ports have \"IPTLSIn\"")]
    public void WhatThePortCannotSayIsAProblemNotAGuess(string text, string problem)
    {
        Assert.False(FirewallRuleMapping.TryMap(FirewallRuleString.Parse(text), "x", out _, out var reason));

        Assert.StartsWith(problem, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsGoToFwPolicy2AsItsConstantsListsAndKeywords()
    {
        Assert.Equal((1, 2, 1, 0, 256), (FirewallComValues.Direction(FirewallDirection.Inbound), FirewallComValues.Direction(FirewallDirection.Outbound),
            FirewallComValues.Action(FirewallAction.Allow), FirewallComValues.Action(FirewallAction.Block), FirewallComValues.Protocol(FirewallProtocol.Any)));
        Assert.Equal("135,5718,5719,49152-65535,RPC-EPMap", FirewallComValues.Ports(PortSet.Parse("5718,135,5719,49152-65535,RPC-EPMap")));
        Assert.Equal("*", FirewallComValues.Ports(PortSet.Any));
        Assert.Equal("10.0.0.0/24,10.0.1.5,LocalSubnet", FirewallComValues.Addresses(AddressSet.Parse("10.0.1.5", "LocalSubnet", "10.0.0.0/255.255.255.0")));
        Assert.Equal("*", FirewallComValues.Addresses(AddressSet.Any));
        Assert.Equal(FirewallComValues.AllProfiles, FirewallComValues.Profiles(ProfileSet.Any));
        Assert.Equal(5, FirewallComValues.Profiles(ProfileSet.Parse("domain", "public")));
    }
}
