using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
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
    public void ARuleThePortCannotExpressIsFoundByItsNameAsNotFullyReadAndTheOthersAreUntouched()
    {
        var firewall = Firewall();

        var odd = Assert.Single(firewall.FindByName("Odd"));

        Assert.Contains("registry value {D} of the local rule store", odd.Unreadable, StringComparison.Ordinal);
        Assert.Contains("ByPass", odd.Unreadable, StringComparison.Ordinal);
        Assert.Null(Assert.Single(firewall.FindByName("RPC for DPM")).Unreadable);
    }

    [Theory]
    [InlineData("v2.33|Action=Allow|Dir=In|Protocol=6|LPort=135|Name=No Active|", "No Active", "has no Active field")]
    [InlineData("v2.33|Action=Allow|Active=TRUE|Dir=In|Hologram=1|Name=Unknown Field|", "Unknown Field", "its field \"Hologram\" is one this tool does not know")]
    [InlineData("v2.99|Action=Allow|Active=TRUE|Dir=In|Name=Newer|", "Newer", "its version v2.99 is newer than the v2.33 this tool knows")]
    [InlineData("v2.33|Action=Allow|Active=TRUE|Dir=Sideways|Name=Bad Dir|", "Bad Dir", "the value must be In or Out")]
    [InlineData("v2.33|Action=Allow||Name=Damaged|", "Damaged", "two \"|\" in a row")]
    public void ARuleStringThatIsNotFullyUnderstoodIsStillFoundByItsNameWithTheReason(string text, string name, string reason)
    {
        Store(FirewallRuleStore.LocalStore, "{X}", text);

        var rule = Assert.Single(Firewall().FindByName(name));

        Assert.Contains(reason, rule.Unreadable, StringComparison.Ordinal);
        Assert.Contains("registry value {X}", rule.Unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatIsNotARuleStringIsFoundByItsIdAndCanBeRemoved()
    {
        _registry.SetValue(FirewallRuleStore.LocalStore, RegistryView.Registry64, "{NUMBER}", RegistryValue.DWord(1));
        var firewall = Firewall();

        Assert.Contains("not the string a rule is", Assert.Single(firewall.FindByName("{number}")).Unreadable, StringComparison.Ordinal);
        firewall.Remove("{NUMBER}");

        Assert.Empty(firewall.FindByName("{NUMBER}"));
        Assert.Equal(["remove {NUMBER} ×1"], _writer.Calls);
    }

    [Fact]
    public void ARuleThatIsNotFullyReadIsNeverUpdated()
    {
        var firewall = Firewall();

        var e = Assert.Throws<HostOperationException>(() => firewall.Update("Odd", new FirewallRuleSettings(Enabled: false)));

        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
        Assert.Empty(_writer.Calls);
    }

    [Fact]
    public void EveryRealRuleStringOfTheCorpusIsFoundByItsNameAndOnlyPortLimitsKeepOneFromBeingFullyRead()
    {
        var corpus = Support.FirewallRuleCorpus.Rules;
        var registry = new SnapshotRegistry(new FaultInjector());
        for (var i = 0; i < corpus.Count; i++)
        {
            registry.SetValue(FirewallRuleStore.LocalStore, RegistryView.Registry64, "{corpus-" + i + "}", RegistryValue.String(corpus[i].Text));
        }

        var firewall = new WindowsFirewall(new FirewallRuleStore(registry), _writer);
        var found = corpus.Select(r => r.Fields["Name"][0]).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(firewall.FindByName).ToList();

        Assert.Equal(corpus.Count, found.Count);
        Assert.All(found.Where(r => r.Unreadable is not null), r => Assert.DoesNotContain("does not know", r.Unreadable, StringComparison.Ordinal));
        Assert.DoesNotContain(found, r => r.Unreadable?.Contains("newer than", StringComparison.Ordinal) == true);
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
