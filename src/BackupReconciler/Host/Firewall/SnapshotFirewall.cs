using System.Globalization;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The snapshot's <c>firewallRules</c> array, with Windows' rules: names ignore case, several rules
/// may share a name, a rule is changed in place. Write-back keeps the order of the rules and every
/// rule that was not changed exactly as it was written; a changed rule keeps its unchanged members.
/// </summary>
public sealed class SnapshotFirewall(FaultInjector faults) : SnapshotSection("firewallRules", faults, Faults), IFirewall
{
    public static readonly FaultKind Faults = FaultKind.Named("firewall", "name", 2);

    private readonly List<StoredRule> _rules = [];

    // Built once when the file is read and kept current by every change: a lookup never scans the rules.
    private readonly Dictionary<string, List<StoredRule>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        if (section is not JsonArrayItem array)
        {
            throw new InputException(JsonObjectReader.Locate(section, file),
                $"\"firewallRules\" must be an array of rules [ {{ \"name\": \"...\", \"direction\": \"inbound\", ... }} ]; found {JsonObjectReader.Describe(section)}.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var name = NameOf(array[i], i, file);
            var reader = JsonObjectReader.ForObject(array[i], file, "firewall rule \"{0}\"", name);
            reader.Optional("name");

            // A captured rule the live host could not fully read holds only its name and the reason.
            var rule = reader.OptionalString("unreadable") is { } reason
                ? FirewallRule.NotFullyRead(name, reason)
                : FirewallRuleSettings.Read(reader, protocolNumbers: true).ApplyTo(FirewallRule.WithDefaults(name));
            reader.RejectUnknownMembers();
            Add(new StoredRule(reader.Json, rule));
        }
    }

    /// <summary>
    /// The rule's name; a rule without a usable one is named by its number in the error (read by a reader of its
    /// own only then: a DPM server's snapshot has 1,100 rules, each with a name).
    /// </summary>
    private static string NameOf(JsonItem rule, int index, string file)
    {
        if (rule is JsonObjectItem json && json["name"] is JsonStringItem { Value.Length: > 0 } name)
        {
            return name.Value;
        }

        return JsonObjectReader.ForObject(rule, file, "firewall rule #{0}", (index + 1).ToString(CultureInfo.InvariantCulture)).RequiredString("name");
    }

    /// <summary>The rules in their order; sorted by name (rules of one name in the order read) for a capture.</summary>
    protected override JToken Write(bool sorted) => new JArray(InOrder(_rules, r => r.Rule.Name, sorted).Select(r => r.Json.DeepClone()));

    /// <summary>Records the rules of a name a capture read, in place of any recorded before for that name.</summary>
    internal void RecordRules(string name, IReadOnlyList<FirewallRule> rules)
    {
        if (_byName.Remove(name, out var recorded))
        {
            var removed = recorded.ToHashSet();
            _rules.RemoveAll(removed.Contains);
        }

        foreach (var rule in rules)
        {
            Add(new StoredRule(rule.ToJson(), rule));
        }

        MarkRecorded();
    }

    public IReadOnlyList<FirewallRule> FindByName(string name)
    {
        CheckRead(name);
        return _byName.TryGetValue(name, out var rules) ? rules.Select(r => r.Rule).ToList() : [];
    }

    public void Create(FirewallRule rule)
    {
        CheckSet(rule.Name);
        Add(new StoredRule(rule.ToJson(), rule));
        MarkChanged();
    }

    public void Update(string name, FirewallRuleSettings changes)
    {
        CheckSet(name);
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

        MarkChanged();
    }

    public void Remove(string name)
    {
        CheckSet(name);
        if (!_byName.Remove(name, out var matches))
        {
            return;
        }

        var removed = matches.ToHashSet();
        _rules.RemoveAll(removed.Contains);
        MarkChanged();
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

    /// <summary>
    /// A rule and the JSON it came from, which is written back with only changed members replaced. The rule
    /// as read becomes a JObject only when something writes it: a plan of a DPM server reads 1,100 rules.
    /// </summary>
    private sealed class StoredRule
    {
        private readonly JsonObjectItem? _read;
        private JObject? _json;

        public StoredRule(JsonObjectItem read, FirewallRule rule)
        {
            _read = read;
            Rule = rule;
        }

        public StoredRule(JObject json, FirewallRule rule)
        {
            _json = json;
            Rule = rule;
        }

        public JObject Json => _json ??= (JObject)_read!.ToToken();

        public FirewallRule Rule { get; set; }
    }
}
