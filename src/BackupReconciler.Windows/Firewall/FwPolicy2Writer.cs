using System.Runtime.Versioning;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Firewall changes through Windows' own API, HNetCfg.FwPolicy2 (late-bound COM), never netsh. Settings are
/// applied in <see cref="FirewallRuleMembers.All"/> order: the protocol before the ports, as the API requires.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class FwPolicy2Writer(TimeSpan timeout) : IFirewallRuleWriter
{
    public void Create(FirewallRule rule) =>
        WithRules($"creating the firewall rule \"{rule.Name}\"", rules =>
        {
            object? created = null;
            try
            {
                created = Activator.CreateInstance(Type.GetTypeFromProgID("HNetCfg.FWRule", throwOnError: true)!);
                dynamic fwRule = created!;
                fwRule.Name = rule.Name;
                Set(fwRule, new FirewallRuleSettings(rule.Enabled, rule.Direction, rule.Action, rule.Protocol, rule.LocalPorts, rule.RemotePorts, rule.RemoteAddresses, rule.Profiles));
                rules.Add(fwRule);
            }
            finally
            {
                ComFailure.Release(created);
            }
        });

    public void Update(string name, FirewallRuleSettings changes) =>
        WithRules($"changing the firewall rule \"{name}\"", rules =>
        {
            object? found = null;
            try
            {
                found = rules.Item(name);
                Set(found!, changes);
            }
            finally
            {
                ComFailure.Release(found);
            }
        });

    public void Remove(string name, int count) =>
        WithRules($"removing the firewall rules named \"{name}\"", rules =>
        {
            // INetFwRules.Remove takes out one rule of that name per call.
            for (var i = 0; i < count; i++)
            {
                rules.Remove(name);
            }
        });

    private static void Set(dynamic fwRule, FirewallRuleSettings settings)
    {
        foreach (var member in settings.Stated)
        {
            switch (member)
            {
                case FirewallRuleMembers.Enabled:
                    fwRule.Enabled = settings.Enabled!.Value;
                    break;
                case FirewallRuleMembers.Direction:
                    fwRule.Direction = FirewallComValues.Direction(settings.Direction!.Value);
                    break;
                case FirewallRuleMembers.Action:
                    fwRule.Action = FirewallComValues.Action(settings.Action!.Value);
                    break;
                case FirewallRuleMembers.Protocol:
                    fwRule.Protocol = FirewallComValues.Protocol(settings.Protocol!.Value);
                    break;
                case FirewallRuleMembers.LocalPorts:
                    fwRule.LocalPorts = FirewallComValues.Ports(settings.LocalPorts!);
                    break;
                case FirewallRuleMembers.RemotePorts:
                    fwRule.RemotePorts = FirewallComValues.Ports(settings.RemotePorts!);
                    break;
                case FirewallRuleMembers.RemoteAddresses:
                    fwRule.RemoteAddresses = FirewallComValues.Addresses(settings.RemoteAddresses!);
                    break;
                case FirewallRuleMembers.Profiles:
                    fwRule.Profiles = FirewallComValues.Profiles(settings.Profiles!.Value);
                    break;
            }
        }
    }

    private void WithRules(string what, Action<dynamic> change) =>
        HostCall.RunNamed(what, timeout, () =>
        {
            object? policy = null, rules = null;
            try
            {
                policy = Activator.CreateInstance(Type.GetTypeFromProgID("HNetCfg.FwPolicy2", throwOnError: true)!);
                rules = ((dynamic)policy!).Rules;
                change(rules!);
            }
            catch (Exception e) when (ComFailure.IsCom(e))
            {
                throw ComFailure.From(ComFailure.Unwrap(e));
            }
            finally
            {
                ComFailure.Release(rules);
                ComFailure.Release(policy);
            }
        });
}
