using System.Runtime.Versioning;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Windows.Com;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Firewall changes through Windows' own API, FwPolicy2 (typed, source-generated COM: <see cref="INetFwPolicy2"/>),
/// never netsh. Settings are applied in <see cref="FirewallRuleMembers.All"/> order: the protocol before the
/// ports, as the API requires.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class FwPolicy2Writer(TimeSpan timeout) : IFirewallRuleWriter
{
    public void Create(FirewallRule rule) =>
        WithRules($"creating the firewall rule \"{rule.Name}\"", rules =>
        {
            INetFwRule? created = null;
            try
            {
                created = ComRuntime.Create<INetFwRule>(NetFwClasses.Rule);
                created.put_Name(rule.Name);
                Set(created, new FirewallRuleSettings(rule.Enabled, rule.Direction, rule.Action, rule.Protocol, rule.LocalPorts, rule.RemotePorts, rule.RemoteAddresses, rule.Profiles));
                rules.Add(created);
            }
            finally
            {
                ComRuntime.Release(created);
            }
        });

    public void Update(string name, FirewallRuleSettings changes) =>
        WithRules($"changing the firewall rule \"{name}\"", rules => Set(rules.Item(name), changes));

    public void Remove(string name, int count) =>
        WithRules($"removing the firewall rules named \"{name}\"", rules =>
        {
            // INetFwRules.Remove takes out one rule of that name per call.
            for (var i = 0; i < count; i++)
            {
                rules.Remove(name);
            }
        });

    private static void Set(INetFwRule fwRule, FirewallRuleSettings settings)
    {
        foreach (var member in settings.Stated)
        {
            switch (member)
            {
                case FirewallRuleMembers.Enabled:
                    fwRule.put_Enabled(ComRuntime.VariantBool(settings.Enabled!.Value));
                    break;
                case FirewallRuleMembers.Direction:
                    fwRule.put_Direction(FirewallComValues.Direction(settings.Direction!.Value));
                    break;
                case FirewallRuleMembers.Action:
                    fwRule.put_Action(FirewallComValues.Action(settings.Action!.Value));
                    break;
                case FirewallRuleMembers.Protocol:
                    fwRule.put_Protocol(FirewallComValues.Protocol(settings.Protocol!.Value));
                    break;
                case FirewallRuleMembers.LocalPorts:
                    fwRule.put_LocalPorts(FirewallComValues.Ports(settings.LocalPorts!));
                    break;
                case FirewallRuleMembers.RemotePorts:
                    fwRule.put_RemotePorts(FirewallComValues.Ports(settings.RemotePorts!));
                    break;
                case FirewallRuleMembers.RemoteAddresses:
                    fwRule.put_RemoteAddresses(FirewallComValues.Addresses(settings.RemoteAddresses!));
                    break;
                case FirewallRuleMembers.Profiles:
                    fwRule.put_Profiles(FirewallComValues.Profiles(settings.Profiles!.Value));
                    break;
            }
        }
    }

    private void WithRules(string what, Action<INetFwRules> change) =>
        HostCall.RunNamed(what, timeout, () =>
        {
            INetFwPolicy2? policy = null;
            try
            {
                policy = ComRuntime.Create<INetFwPolicy2>(NetFwClasses.Policy2);
                change(policy.get_Rules());
            }
            catch (Exception e) when (ComFailure.IsCom(e))
            {
                throw ComFailure.From(ComFailure.Unwrap(e));
            }
            finally
            {
                ComRuntime.Release(policy);
            }
        });
}
