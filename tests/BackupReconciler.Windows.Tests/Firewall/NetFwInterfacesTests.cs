using System.Runtime.Versioning;
using BackupReconciler.Windows.Com;
using BackupReconciler.Windows.Firewall;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Firewall;

/// <summary>The typed firewall interfaces called directly: CoCreateInstance by CLSID, the rule collection through INetFwPolicy2's slot, a rule's BSTR and long slots.</summary>
[SupportedOSPlatform("windows")]
[LaneArea("firewall-com")]
public sealed class NetFwInterfacesTests
{
    [LiveWindowsFact]
    public void ThePolicyGivesItsRuleCollection()
    {
        var policy = ComRuntime.Create<INetFwPolicy2>(NetFwClasses.Policy2);
        try
        {
            Assert.True(policy.get_Rules().get_Count() >= 0);
        }
        finally
        {
            ComRuntime.Release(policy);
        }
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Com)]
    public void ANewRuleKeepsWhatItIsGiven()
    {
        var rule = ComRuntime.Create<INetFwRule>(NetFwClasses.Rule);
        try
        {
            rule.put_Name("BRTest \"typed\" rule — ünïcode");
            rule.put_Protocol(6);
            rule.put_LocalPorts("49990-49995,49999");
            rule.put_Direction(1);
            rule.put_Action(1);
            rule.put_Enabled(ComRuntime.VariantBool(false));
            rule.put_Profiles(FirewallComValues.AllProfiles);

            Assert.Equal(("BRTest \"typed\" rule — ünïcode", 6, "49990-49995,49999", 1, 1, (short)0, FirewallComValues.AllProfiles),
                (rule.get_Name(), rule.get_Protocol(), rule.get_LocalPorts(), rule.get_Direction(), rule.get_Action(), rule.get_Enabled(), rule.get_Profiles()));
        }
        finally
        {
            ComRuntime.Release(rule);
        }
    }
}
