using BackupReconciler.Host.Registry;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using BackupReconciler.Windows.Firewall;

namespace BackupReconciler.Tests.Windows.Firewall;

/// <summary>The rule-store reader over the registry port (here the snapshot's registry; under Wine the live one).</summary>
public sealed class FirewallRuleStoreTests
{
    [Fact]
    public void EveryStoreIsReadAndValuesThatAreNotRulesAreReportedNotFatal()
    {
        var registry = new SnapshotRegistry(new FaultInjector());
        var view = RegistryView.Registry64;
        registry.SetValue(FirewallRuleStore.LocalStore, view, "RemoteDesktop-UserMode-In-TCP", RegistryValue.String(FirewallRuleCorpus.Rules[31].Text));
        registry.SetValue(FirewallRuleStore.LocalStore, view, "Broken", RegistryValue.String("v2.33|Action=Allow|Active=TRUE|"));
        registry.SetValue(FirewallRuleStore.LocalStore, view, "Number", RegistryValue.DWord(1));
        registry.SetValue(FirewallRuleStore.PolicyStore, view, "{0B7F7C1A-0000-4000-8000-000000000001}", RegistryValue.String(FirewallRuleCorpus.Rules[37].Text));

        var contents = new FirewallRuleStore(registry).Read();

        Assert.Equal(
            [("local", "RemoteDesktop-UserMode-In-TCP", 3389), ("policy", "{0B7F7C1A-0000-4000-8000-000000000001}", 22)],
            contents.Rules.Select(r => (r.Store, r.Id, r.Rule.LocalPorts.Single().Low!.Value)).OrderBy(r => r.Store, StringComparer.Ordinal));
        Assert.Equal(
            [new FirewallRuleProblem("local", "Broken", "the firewall rule string has no Dir field; every rule Windows writes has Action, Active and Dir."),
             new FirewallRuleProblem("local", "Number", "the value is a dword, not the string a rule is.")],
            contents.Problems.OrderBy(p => p.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void AMachineWithoutRuleStoresHasNoRules()
    {
        var contents = new FirewallRuleStore(new SnapshotRegistry(new FaultInjector())).Read();

        Assert.Empty(contents.Rules);
        Assert.Empty(contents.Problems);
    }

    [Fact]
    public void TheStoresAreWhereWindowsKeepsThem()
    {
        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules", FirewallRuleStore.LocalStore.FullName);
        Assert.Equal(@"HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules", FirewallRuleStore.PolicyStore.FullName);
    }
}
