using System.Globalization;
using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// The firewall port on the live machine. Reads come from one read of both rule stores in the registry
/// per run (<see cref="FirewallRuleStore"/>, DESIGN §8), indexed by name; changes go through
/// <see cref="IFirewallRuleWriter"/> (FwPolicy2 on Windows) and update the index, so the verification
/// after a change needs no second read of a thousand rules.
/// </summary>
/// <remarks>
/// Rules from the Group Policy store (<see cref="FirewallRuleStore.PolicyStore"/>) filter traffic like any
/// other and are read like any other; they are owned by a GPO, which would put them back at the next
/// policy refresh, so this adapter refuses to change them — or to add a local rule of the same name —
/// and says where to change them instead.
/// </remarks>
public sealed class WindowsFirewall : IFirewall
{
    private const string PolicyStoreName = "policy";

    private readonly FirewallRuleStore _store;
    private readonly IFirewallRuleWriter _writer;
    private readonly Func<string, string> _resolveName;
    private readonly Lock _lock = new();
    private Dictionary<string, List<Entry>>? _byName;

    /// <param name="store">The rule stores to read.</param>
    /// <param name="writer">Where changes go.</param>
    /// <param name="resolveName">Turns a stored name (possibly an indirect string) into the name Windows shows.</param>
    public WindowsFirewall(FirewallRuleStore store, IFirewallRuleWriter writer, Func<string, string>? resolveName = null)
    {
        _store = store;
        _writer = writer;
        _resolveName = resolveName ?? (name => name);
    }

    public IReadOnlyList<FirewallRule> FindByName(string name)
    {
        lock (_lock)
        {
            // A rule that cannot be fully read is still a rule of this name: it is returned as such, so
            // "absent" sees it and every other comparison fails on it, instead of it reading as missing.
            return (Index().GetValueOrDefault(name) ?? [])
                .Select(e => e.Rule ?? FirewallRule.NotFullyRead(e.Name!, $"registry value {e.Id} of the {e.Store} rule store: {e.Problem}"))
                .ToList();
        }
    }

    public void Create(FirewallRule rule)
    {
        lock (_lock)
        {
            RefusePolicyOwned(rule.Name, "add a rule of the same name");
            _writer.Create(rule);
            Add(new Entry("local", "(new)", rule, null));
        }
    }

    public void Update(string name, FirewallRuleSettings changes)
    {
        lock (_lock)
        {
            var entries = Index().GetValueOrDefault(name) ?? [];
            if (entries.Count != 1)
            {
                throw new HostOperationException(entries.Count == 0
                    ? "No rules match the specified criteria."
                    : $"{entries.Count.ToString(CultureInfo.InvariantCulture)} rules are named \"{name}\"; an update needs a name that only one rule has.");
            }

            RefusePolicyOwned(name, "change it");
            var entry = entries[0];
            if (entry.Problem is not null)
            {
                throw new HostOperationException($"the firewall rule \"{name}\" cannot be read ({entry.Problem}), so it is not changed.");
            }

            _writer.Update(entry.Rule!.Name, changes);
            entries[0] = entry with { Rule = changes.ApplyTo(entry.Rule) };
        }
    }

    public void Remove(string name)
    {
        lock (_lock)
        {
            var entries = Index().GetValueOrDefault(name) ?? [];
            if (entries.Count == 0)
            {
                return;
            }

            RefusePolicyOwned(name, "remove it");
            _writer.Remove(name, entries.Count);
            _byName!.Remove(name);
        }
    }

    private void RefusePolicyOwned(string name, string change)
    {
        if ((Index().GetValueOrDefault(name) ?? []).Any(e => e.Store == PolicyStoreName))
        {
            throw new HostOperationException(
                $"the firewall rule \"{name}\" comes from Group Policy ({FirewallRuleStore.PolicyStore}); a GPO owns it and would undo a local change, so this tool does not {change}: change the rule in the GPO.");
        }
    }

    private Dictionary<string, List<Entry>> Index()
    {
        if (_byName is null)
        {
            _byName = new Dictionary<string, List<Entry>>(StringComparer.OrdinalIgnoreCase);
            var contents = _store.Read();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var stored in contents.Rules)
            {
                var raw = stored.Rule.Name ?? stored.Id;
                if (!names.TryGetValue(raw, out var name))
                {
                    name = _resolveName(raw);
                    names[raw] = name;
                }

                Add(FirewallRuleMapping.TryMap(stored.Rule, name, out var rule, out var problem)
                    ? new Entry(stored.Store, stored.Id, rule, null)
                    : new Entry(stored.Store, stored.Id, null, problem) { Name = name });
            }

            // Values that are not rule strings the parser understands are found by their Name= field
            // when one is there, or by their id (the registry value's name), which FwPolicy2 also matches.
            foreach (var problem in contents.Problems)
            {
                var raw = problem.Name ?? problem.Id;
                if (!names.TryGetValue(raw, out var name))
                {
                    name = _resolveName(raw);
                    names[raw] = name;
                }

                Add(new Entry(problem.Store, problem.Id, null, problem.Message.TrimEnd('.')) { Name = name });
            }
        }

        return _byName;
    }

    private void Add(Entry entry)
    {
        var name = entry.Rule?.Name ?? entry.Name!;
        if (!_byName!.TryGetValue(name, out var named))
        {
            named = [];
            _byName[name] = named;
        }

        named.Add(entry);
    }

    /// <summary>One rule of the index: mapped, or why it cannot be (then <see cref="Name"/> is what it is found by).</summary>
    private sealed record Entry(string Store, string Id, FirewallRule? Rule, string? Problem)
    {
        public string? Name { get; init; }
    }
}
