using BackupReconciler.Host.Registry;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Reads the firewall's rule stores from the registry through the registry port, in one read per
/// store (DESIGN §8: the registry answers in milliseconds what PowerShell answers in a minute), and
/// parses every rule string. A rule that does not parse is reported, not fatal: one odd rule must not
/// hide the other thousand.
/// </summary>
public sealed class FirewallRuleStore
{
    /// <summary>Where Windows keeps the rules made on the machine.</summary>
    public static readonly RegistryKeyPath LocalStore =
        RegistryKeyPath.Parse(@"HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules");

    /// <summary>Where Group Policy puts the rules it deploys.</summary>
    public static readonly RegistryKeyPath PolicyStore =
        RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules");

    private readonly IRegistry _registry;
    private readonly IReadOnlyList<(string Name, RegistryKeyPath Key)> _stores;

    /// <param name="registry">The registry to read.</param>
    /// <param name="stores">The stores to read, by name; the local and the policy store unless given (tests give their own keys).</param>
    public FirewallRuleStore(IRegistry registry, IReadOnlyList<(string Name, RegistryKeyPath Key)>? stores = null)
    {
        _registry = registry;
        _stores = stores ?? [("local", LocalStore), ("policy", PolicyStore)];
    }

    public FirewallRuleStoreContents Read()
    {
        var rules = new List<StoredFirewallRule>();
        var problems = new List<FirewallRuleProblem>();
        foreach (var (store, key) in _stores)
        {
            var values = _registry.ReadKey(key, RegistryView.Registry64);
            foreach (var (id, value) in values ?? new Dictionary<string, RegistryValue>())
            {
                if (value.Kind != RegistryValueKind.String)
                {
                    problems.Add(new FirewallRuleProblem(store, id, $"the value is a {value.KindName}, not the string a rule is."));
                }
                else if (FirewallRuleString.TryParse(value.Text, out var rule, out var error))
                {
                    rules.Add(new StoredFirewallRule(store, id, rule));
                }
                else
                {
                    problems.Add(new FirewallRuleProblem(store, id, error, NameField(value.Text!)));
                }
            }
        }

        return new FirewallRuleStoreContents(rules, problems);
    }

    /// <summary>
    /// The <c>Name=</c> field of a string that does not parse, found without the grammar: split at "|"
    /// and take the one field named Name. A rule must still be found by its name when its string is
    /// damaged or newer than the parser, or it would read as "no such rule".
    /// </summary>
    internal static string? NameField(string text)
    {
        var names = text.Split('|')
            .Where(part => part.StartsWith("Name=", StringComparison.Ordinal) && part.Length > "Name=".Length)
            .Select(part => part["Name=".Length..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 1 ? names[0] : null;
    }
}
