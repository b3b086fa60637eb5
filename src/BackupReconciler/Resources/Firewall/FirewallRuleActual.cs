using BackupReconciler.Host.Firewall;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Firewall;

/// <summary>What <c>get</c> shows for a firewall rule: every rule on the host with the declared name (none, one, or duplicates).</summary>
public sealed record FirewallRuleActual(string Name, IReadOnlyList<FirewallRule> Rules) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["name"] = Name,
        ["rules"] = new JArray(Rules.Select(r => r.ToJson())),
    };
}
