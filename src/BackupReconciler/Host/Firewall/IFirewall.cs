namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The Windows Firewall port. Lookups are answered from one bulk read of the whole rule store,
/// indexed by name (the live adapter reads the store from the registry once per run, DESIGN §8;
/// a change it makes updates that index). Looking up one name at a time lets a rule that cannot be
/// read fail only the resource that names it.
/// </summary>
public interface IFirewall
{
    /// <summary>Every rule with this name (names ignore case; Windows allows several rules with one name), in store order; empty when none.</summary>
    IReadOnlyList<FirewallRule> FindByName(string name);

    void Create(FirewallRule rule);

    /// <summary>Changes the given settings of the one rule with this name and nothing else; fails when no rule or several have the name.</summary>
    void Update(string name, FirewallRuleSettings changes);

    /// <summary>Removes every rule with this name, as <c>netsh advfirewall firewall delete rule name=…</c> does.</summary>
    void Remove(string name);
}
