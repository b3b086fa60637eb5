using BackupReconciler.Host;
using BackupReconciler.Snapshot;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>
/// The live firewall adapter's own rules — one read of both stores, lookups by name, policy-owned rules
/// refused, the index kept current by changes — over a snapshot registry and a recording writer.
/// </summary>
public sealed class WindowsFirewallTests
{
    private readonly SnapshotRegistry _registry = new(new FaultInjector());
    private readonly RecordingWriter _writer = new();

    public WindowsFirewallTests()
    {
        Store(FirewallRuleStore.LocalStore, "{A}", "v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=135|Name=RPC for DPM|");
        Store(FirewallRuleStore.LocalStore, "{B}", "v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|Name=Twice|");
        Store(FirewallRuleStore.LocalStore, "{C}", "v2.33|Action=Allow|Active=FALSE|Dir=In|Protocol=17|LPort=445|Name=Twice|");
        Store(FirewallRuleStore.LocalStore, "{D}", "v2.33|Action=ByPass|Active=TRUE|Dir=In|Name=Odd|");
        Store(FirewallRuleStore.LocalStore, "{E}", "v2.33|Action=Allow|Active=TRUE|Dir=In|Name=@FirewallAPI.dll,-28535|");
        Store(FirewallRuleStore.PolicyStore, "{F}", "v2.33|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|Name=GPO RDP|");
    }

    [Fact]
    public void RulesAreFoundByNameIgnoringCaseAndIndirectNamesAsWindowsShowsThem()
    {
        var firewall = Firewall();

        Assert.Equal(PortSet.Parse("135"), Assert.Single(firewall.FindByName("rpc for dpm")).LocalPorts);
        Assert.Equal(2, firewall.FindByName("Twice").Count);
        Assert.Single(firewall.FindByName("File and Printer Sharing (Spooler Service - RPC)"));
        Assert.Empty(firewall.FindByName("Nothing"));
    }

    [Fact]
    public void PolicyRulesAreReadLikeOthersButNeverChanged()
    {
        var firewall = Firewall();

        Assert.Equal(FirewallAction.Block, Assert.Single(firewall.FindByName("GPO RDP")).Action);
        var update = Assert.Throws<HostOperationException>(() => firewall.Update("GPO RDP", new FirewallRuleSettings(Enabled: false)));
        Assert.Throws<HostOperationException>(() => firewall.Remove("GPO RDP"));
        Assert.Throws<HostOperationException>(() => firewall.Create(FirewallRule.WithDefaults("GPO RDP")));

        Assert.Contains("comes from Group Policy", update.Message, StringComparison.Ordinal);
        Assert.Contains(@"SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules", update.Message, StringComparison.Ordinal);
        Assert.Empty(_writer.Calls);
    }

    [Fact]
    public void ARuleThePortCannotReadFailsOnlyItsOwnName()
    {
        var firewall = Firewall();

        var e = Assert.Throws<HostOperationException>(() => firewall.FindByName("Odd"));

        Assert.Contains("registry value {D} of the local rule store", e.Message, StringComparison.Ordinal);
        Assert.Single(firewall.FindByName("RPC for DPM"));
    }

    [Fact]
    public void ChangesGoToTheWriterAndTheIndexFollowsWithoutASecondRead()
    {
        var firewall = Firewall();
        firewall.FindByName("x");
        _registry.SetValue(FirewallRuleStore.LocalStore, RegistryView.Registry64, "{G}", RegistryValue.String("v2.33|Action=Allow|Active=TRUE|Dir=In|Name=Late|"));

        firewall.Update("RPC for DPM", new FirewallRuleSettings(LocalPorts: PortSet.Parse("135,5718")));
        firewall.Create(FirewallRule.WithDefaults("New"));
        firewall.Remove("Twice");

        Assert.Equal(PortSet.Parse("135,5718"), Assert.Single(firewall.FindByName("RPC for DPM")).LocalPorts);
        Assert.Single(firewall.FindByName("New"));
        Assert.Empty(firewall.FindByName("Twice"));
        Assert.Empty(firewall.FindByName("Late"));
        Assert.Equal(["update RPC for DPM localPorts", "create New", "remove Twice ×2"], _writer.Calls);
    }

    [Fact]
    public void AnUpdateNeedsExactlyOneRuleOfThatName()
    {
        var firewall = Firewall();

        Assert.Equal("No rules match the specified criteria.", Assert.Throws<HostOperationException>(() => firewall.Update("Nothing", new FirewallRuleSettings(Enabled: true))).Message);
        Assert.StartsWith("2 rules are named \"Twice\"", Assert.Throws<HostOperationException>(() => firewall.Update("Twice", new FirewallRuleSettings(Enabled: true))).Message, StringComparison.Ordinal);
    }

    private WindowsFirewall Firewall() =>
        new(new FirewallRuleStore(_registry), _writer, name => name == "@FirewallAPI.dll,-28535" ? "File and Printer Sharing (Spooler Service - RPC)" : name);

    private void Store(RegistryKeyPath store, string id, string text) =>
        _registry.SetValue(store, RegistryView.Registry64, id, RegistryValue.String(text));

    private sealed class RecordingWriter : IFirewallRuleWriter
    {
        public List<string> Calls { get; } = [];

        public void Create(FirewallRule rule) => Calls.Add($"create {rule.Name}");

        public void Update(string name, FirewallRuleSettings changes) => Calls.Add($"update {name} {string.Join(",", changes.Stated)}");

        public void Remove(string name, int count) => Calls.Add($"remove {name} ×{count}");
    }
}
