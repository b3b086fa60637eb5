using System.Globalization;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The snapshot's <c>firewallRules</c> array, with Windows' rules: names ignore case, several rules
/// may share a name, a rule is changed in place. Write-back keeps the order of the rules and every
/// rule that was not changed exactly as it was written; a changed rule keeps its unchanged members.
/// </summary>
public sealed class SnapshotFirewall : IFirewall, ISnapshotSection
{
    private readonly List<StoredRule> _rules = [];

    // Built once when the file is read and kept current by every change: a lookup never scans the rules.
    private readonly Dictionary<string, List<StoredRule>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly FaultInjector _faults;

    public SnapshotFirewall(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "firewallRules";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        if (section is not JArray array)
        {
            throw new InputException(JsonObjectReader.Locate(section, file),
                $"\"firewallRules\" must be an array of rules [ {{ \"name\": \"...\", \"direction\": \"inbound\", ... }} ]; found {JsonObjectReader.Describe(section)}.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var numbered = JsonObjectReader.ForObject(array[i], file, $"firewall rule #{(i + 1).ToString(CultureInfo.InvariantCulture)}");
            var name = numbered.RequiredString("name");
            var reader = new JsonObjectReader(numbered.Json, file, $"firewall rule \"{name}\"");
            reader.Optional("name");

            // A captured rule the live host could not fully read holds only its name and the reason.
            var rule = reader.OptionalString("unreadable") is { } reason
                ? FirewallRule.NotFullyRead(name, reason)
                : FirewallRuleSettings.Read(reader, protocolNumbers: true).ApplyTo(FirewallRule.WithDefaults(name));
            reader.RejectUnknownMembers();
            Add(new StoredRule(reader.Json, rule));
        }
    }

    public JToken Save() => new JArray(_rules.Select(r => r.Json.DeepClone()));

    public IReadOnlyList<FirewallRule> FindByName(string name)
    {
        _faults.Check(FaultOperation.Read, "firewall:" + name);
        return _byName.TryGetValue(name, out var rules) ? rules.Select(r => r.Rule).ToList() : [];
    }

    public void Create(FirewallRule rule)
    {
        _faults.Check(FaultOperation.Set, "firewall:" + rule.Name);
        Add(new StoredRule(rule.ToJson(), rule));
        Changed = true;
    }

    public void Update(string name, FirewallRuleSettings changes)
    {
        _faults.Check(FaultOperation.Set, "firewall:" + name);
        var matches = _byName.GetValueOrDefault(name) ?? [];
        if (matches.Count != 1)
        {
            throw new HostOperationException(matches.Count == 0
                ? "No rules match the specified criteria."
                : $"{matches.Count.ToString(CultureInfo.InvariantCulture)} rules are named \"{name}\"; an update needs a name that only one rule has.");
        }

        var stored = matches[0];
        if (stored.Rule.Unreadable is { } reason)
        {
            throw new HostOperationException($"the firewall rule \"{name}\" cannot be read ({reason}), so it is not changed.");
        }

        stored.Rule = changes.ApplyTo(stored.Rule);
        foreach (var member in changes.Stated)
        {
            stored.Json[member] = stored.Rule.ValueOf(member);
        }

        Changed = true;
    }

    public void Remove(string name)
    {
        _faults.Check(FaultOperation.Set, "firewall:" + name);
        if (!_byName.Remove(name, out var matches))
        {
            return;
        }

        var removed = matches.ToHashSet();
        _rules.RemoveAll(removed.Contains);
        Changed = true;
    }

    private void Add(StoredRule rule)
    {
        _rules.Add(rule);
        if (!_byName.TryGetValue(rule.Rule.Name, out var named))
        {
            named = [];
            _byName[rule.Rule.Name] = named;
        }

        named.Add(rule);
    }

    /// <summary>A rule and the JSON it came from, which is written back with only changed members replaced.</summary>
    private sealed class StoredRule(JObject json, FirewallRule rule)
    {
        public JObject Json { get; } = json;

        public FirewallRule Rule { get; set; } = rule;
    }
}
