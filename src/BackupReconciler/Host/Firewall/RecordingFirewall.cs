using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Firewall;

/// <summary>Reads rules by name and records every rule of each name read.</summary>
internal sealed class RecordingFirewall(IFirewall inner, SnapshotFirewall captured) : IFirewall
{
    public IReadOnlyList<FirewallRule> FindByName(string name)
    {
        var rules = inner.FindByName(name);
        if (rules.Count > 0)
        {
            captured.RecordRules(name, rules);
        }

        return rules;
    }

    public void Create(FirewallRule rule) => throw CaptureOnly.Refuse("create a firewall rule");

    public void Update(string name, FirewallRuleSettings changes) => throw CaptureOnly.Refuse("change a firewall rule");

    public void Remove(string name) => throw CaptureOnly.Refuse("remove firewall rules");
}
