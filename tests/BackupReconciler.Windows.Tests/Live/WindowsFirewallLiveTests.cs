using System.Runtime.Versioning;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Windows.Firewall;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>A test-owned rule created, changed and removed through FwPolicy2, and read back from the registry store.</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsFirewallLiveTests : IDisposable
{
    private const string Name = "BRTest rule (TCP-49999-In)";

    public WindowsFirewallLiveTests() => RemoveTestRule();

    [LiveWindowsFact(SkipUnderWine = WineLacks.Com)]
    public void ARuleIsCreatedChangedAndRemovedAndAFreshReadSeesEachStep()
    {
        var rule = new FirewallRule(Name, false, FirewallDirection.Inbound, FirewallAction.Allow, FirewallProtocol.Tcp,
            PortSet.Parse("49999", "49990-49995"), PortSet.Any, AddressSet.Parse("10.0.0.0/24", "10.0.1.5"), ProfileSet.Parse("domain"));

        Firewall().Create(rule);
        Assert.Equal(rule, Assert.Single(Firewall().FindByName(Name)));

        Firewall().Update(Name, new FirewallRuleSettings(RemoteAddresses: AddressSet.Parse("LocalSubnet"), Profiles: ProfileSet.Any));
        var changed = Assert.Single(Firewall().FindByName(Name));
        Assert.Equal((AddressSet.Parse("LocalSubnet"), ProfileSet.Any, rule.LocalPorts), (changed.RemoteAddresses, changed.Profiles, changed.LocalPorts));

        Firewall().Remove(Name);
        Assert.Empty(Firewall().FindByName(Name));
    }

    public void Dispose() => RemoveTestRule();

    private static WindowsFirewall Firewall() =>
        new(new FirewallRuleStore(new WindowsRegistry()), new FwPolicy2Writer(HostCall.DefaultTimeout), IndirectStrings.Resolve);

    private static void RemoveTestRule()
    {
        if (OperatingSystem.IsWindows() && LiveWindows.WhyNotHere() is null && !LiveWindows.IsWine)
        {
            var count = Firewall().FindByName(Name).Count;
            new FwPolicy2Writer(HostCall.DefaultTimeout).Remove(Name, count);
        }
    }
}
