using System.Runtime.Versioning;
using BackupReconciler.Host.Registry;
using BackupReconciler.Windows.Firewall;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Firewall;

/// <summary>Rule strings written into a real registry, read back through the registry adapter and parsed.</summary>
[SupportedOSPlatform("windows")]
[LaneArea("firewall-store")]
public sealed class FirewallRuleStoreLiveTests : IDisposable
{
    private static readonly (string Id, string Text)[] Rules =
    [
        ("DPM-RPC-EPMap-In", "v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=RPC-EPMap|App=%SystemRoot%\\system32\\svchost.exe|Svc=Rpcss|Name=DPM RPC endpoint mapper|EmbedCtxt=DPM|"),
        ("DPM-RPC-In", "v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Private|Profile=Public|LPort=RPC|RA4=LocalSubnet|RA6=LocalSubnet|App=%SystemRoot%\\system32\\spoolsv.exe|Svc=Spooler|Name=@FirewallAPI.dll,-28535|"),
        ("Dynamic-Ports-Out", "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort2_10=0-52|RPort2_10=54-66|LA4=192.168.1.0/255.255.255.0|RA42=IntErnet|Name=TCP|"),
        ("PeerDist-Edge", "v2.33|Action=Allow|Active=FALSE|Dir=In|Protocol=17|LPort=3540|App=%SystemRoot%\\system32\\svchost.exe|Svc=PNRPSvc|Name=@FirewallAPI.dll,-34003|Edge=TRUE|Defer=App|"),
    ];

    private readonly TestRegistryKey _key = new();
    private readonly WindowsRegistry _registry = new();

    [LiveWindowsFact]
    public void RuleStringsInAStoreAreReadBackAndParsedAndABadOneIsReported()
    {
        foreach (var (id, text) in Rules)
        {
            _registry.SetValue(_key.Path, RegistryView.Registry64, id, RegistryValue.String(text));
        }

        _registry.SetValue(_key.Path, RegistryView.Registry64, "Damaged", RegistryValue.String("v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=tcp|"));

        var contents = new FirewallRuleStore(_registry, [("test", _key.Path)]).Read();

        AssertRulesRead(contents);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal(("test", "Damaged"), (problem.Store, problem.Id));
    }

    [LiveWindowsFact(SkipOnRealWindows = "it writes rules into the machine's own firewall store; under Wine, which has no firewall, it proves the real location")]
    public void RuleStringsWrittenWhereWindowsKeepsThemAreReadFromTheLocalStore()
    {
        try
        {
            foreach (var (id, text) in Rules)
            {
                _registry.SetValue(FirewallRuleStore.LocalStore, RegistryView.Registry64, id, RegistryValue.String(text));
            }

            AssertRulesRead(new FirewallRuleStore(_registry).Read());
        }
        finally
        {
            foreach (var (id, _) in Rules)
            {
                _registry.DeleteValue(FirewallRuleStore.LocalStore, RegistryView.Registry64, id);
            }
        }
    }

    public void Dispose() => _key.Dispose();

    private static void AssertRulesRead(FirewallRuleStoreContents contents)
    {
        var byId = contents.Rules.ToDictionary(r => r.Id, r => r.Rule, StringComparer.OrdinalIgnoreCase);
        Assert.Subset(byId.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), Rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));

        var epmap = byId["DPM-RPC-EPMap-In"];
        Assert.Equal((RuleAction.Allow, RuleDirection.In, "tcp", RuleProfiles.Domain), (epmap.Action, epmap.Direction, epmap.ProtocolName, epmap.Profiles));
        Assert.Equal("RPC-EPMap", epmap.LocalPorts.Single().Keyword);
        Assert.Equal(@"%SystemRoot%\system32\svchost.exe", epmap.App);

        var rpc = byId["DPM-RPC-In"];
        Assert.Equal(RuleProfiles.Private | RuleProfiles.Public, rpc.Profiles);
        Assert.Equal(["LocalSubnet", "LocalSubnet"], rpc.RemoteAddresses.Select(a => a.Keyword));

        var ports = byId["Dynamic-Ports-Out"];
        Assert.Equal([(0, 52), (54, 66)], ports.RemotePorts.Select(p => (p.Low!.Value, p.High!.Value)));
        Assert.Equal(24, ports.LocalAddresses.Single().PrefixLength);
        Assert.Equal("IntErnet", ports.RemoteAddresses.Single().Keyword);

        var edge = byId["PeerDist-Edge"];
        Assert.Equal((false, true, (EdgeDefer?)EdgeDefer.App, 17), (edge.Active, edge.EdgeTraversal, edge.Defer, edge.Protocol!.Value));
    }

}
