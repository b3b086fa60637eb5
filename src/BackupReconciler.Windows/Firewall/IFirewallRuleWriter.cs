using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Where firewall changes go: Windows' firewall API on a live machine (<see cref="FwPolicy2Writer"/>); a
/// recording fake in tests of <see cref="WindowsFirewall"/>'s own rules, which need no Windows.
/// </summary>
public interface IFirewallRuleWriter
{
    void Create(FirewallRule rule);

    /// <summary>Changes the stated settings of the rule named <paramref name="name"/>, the only rule with that name.</summary>
    void Update(string name, FirewallRuleSettings changes);

    /// <summary>Removes the <paramref name="count"/> rules named <paramref name="name"/>.</summary>
    void Remove(string name, int count);
}
