using System.Globalization;
using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Firewall;

/// <summary>
/// One Windows Firewall rule, found by name. Present: created with Windows' defaults for what the
/// baseline does not state, or updated in place in the stated settings that differ. Absent: removed.
/// Rules the baseline does not name are never read into a decision or changed.
/// </summary>
public sealed record FirewallRuleResource(string Name, bool Present, FirewallRuleSettings Desired)
    : Resource<FirewallRuleActual>, IClaimsSettings
{
    /// <summary>The difference that stands for the whole rule: created (actual null) or removed (desired null).</summary>
    public const string WholeRule = "rule";

    /// <summary>Whether the rule exists, and each setting stated: two resources for one rule name may state different settings, not different values.</summary>
    public IEnumerable<SettingClaim> Claims =>
        Desired.Stated.Select(member => SettingClaim.Of($"firewall|{Name}|{member}", $"\"{member}\" of the firewall rule \"{Name}\"", SettingJson(member)))
            .Prepend(SettingClaim.Of($"firewall|{Name}|ensure", $"whether the firewall rule \"{Name}\" exists", Present ? "present" : "absent"));

    private JToken SettingJson(string member) => member switch
    {
        FirewallRuleMembers.Enabled => Desired.Enabled!.Value,
        FirewallRuleMembers.Direction => Desired.Direction!.Value.ToString(),
        FirewallRuleMembers.Action => Desired.Action!.Value.ToString(),
        FirewallRuleMembers.Protocol => Desired.Protocol!.ToString()!,
        FirewallRuleMembers.LocalPorts => Desired.LocalPorts!.ToJson(),
        FirewallRuleMembers.RemotePorts => Desired.RemotePorts!.ToJson(),
        FirewallRuleMembers.RemoteAddresses => Desired.RemoteAddresses!.ToJson(),
        _ => Desired.Profiles!.Value.ToJson(),
    };

    public override string TypeName => FirewallRuleResourceType.TypeName;

    public override FirewallRuleActual Read(IHost host)
    {
        var rules = host.Firewall.FindByName(Name);

        // Windows lets several rules share a name. Which of them the baseline means cannot be known,
        // and changing one would leave the others (perhaps wider) in force, so nothing is changed and
        // the resource fails until a person removes or renames the duplicates. An absent rule needs no
        // such choice: every rule of that name contradicts it, so all are removed (as netsh does).
        if (Present && rules.Count > 1)
        {
            throw new HostOperationException(
                $"the firewall rule \"{Name}\" is ambiguous: {rules.Count.ToString(CultureInfo.InvariantCulture)} rules have this name (names ignore case), " +
                $"and the tool will not guess which one the baseline means; remove or rename all but one of them " +
                $"(netsh advfirewall firewall show rule name=\"{Name}\" lists them), then run again.");
        }

        // A rule of this name that could not be fully read is there: it is neither "no such rule" (a second
        // one would be created beside it) nor a rule whose settings can be compared. Only "absent" can act on it.
        if (Present && rules.FirstOrDefault(r => r.Unreadable is not null) is { } unreadable)
        {
            throw new HostOperationException(
                $"the firewall rule \"{Name}\" exists but cannot be compared: {unreadable.Unreadable}; nothing was changed " +
                "(and no second rule of this name was created); fix or remove the rule by hand, or state \"ensure\": \"absent\" to remove it.");
        }

        return new FirewallRuleActual(Name, rules);
    }

    public override IReadOnlyList<Difference> Compare(FirewallRuleActual actual, IHost host)
    {
        var rules = actual.Rules;
        if (!Present)
        {
            return rules.Count switch
            {
                0 => [],
                _ => [new Difference(WholeRule, new FirewallRulesValue(rules), null)],
            };
        }

        if (rules.Count == 0)
        {
            return [new Difference(WholeRule, null, new FirewallRulesValue([NewRule()]))];
        }

        var rule = rules[0];
        var target = Desired.ApplyTo(rule);
        return Desired.Stated
            .Where(member => !rule.SameAs(target, member))
            .Select(member => new Difference(member, new FirewallSettingValue(rule, member), new FirewallSettingValue(target, member)))
            .ToList();
    }

    /// <summary>A created rule is removed again, a removed one recreated, an updated one set back; duplicates removed together cannot be told apart again.</summary>
    public override UndoStep UndoOf(FirewallRuleActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.SingleOrDefault(c => c.Property == WholeRule) is { } whole)
        {
            if (whole.Actual is not null && actual.Rules.FirstOrDefault(r => r.Unreadable is not null) is { } unreadable)
            {
                return UndoStep.Cannot($"the rule \"{Name}\" was removed without being fully read ({unreadable.Unreadable}), so it cannot be recreated as it was; recreate it by hand");
            }

            return whole.Actual switch
            {
                null => UndoStep.With(FirewallRuleResourceType.TypeName, new JObject { ["name"] = Name, ["ensure"] = "absent" }),
                FirewallRulesValue { Rules: [var rule] } => UndoStep.With(FirewallRuleResourceType.TypeName, rule.ToJson()),
                _ => UndoStep.Cannot($"{actual.Rules.Count} rules named \"{Name}\" were removed; recreate them by hand"),
            };
        }

        var properties = new JObject { ["name"] = Name };
        foreach (var change in changes)
        {
            properties[change.Property] = change.Actual?.ToJson();
        }

        // Ports mean nothing without their protocol, so a baseline must state both; so must an undo.
        if (properties[FirewallRuleMembers.Protocol] is null && (properties[FirewallRuleMembers.LocalPorts] is not null || properties[FirewallRuleMembers.RemotePorts] is not null))
        {
            properties[FirewallRuleMembers.Protocol] = actual.Rules[0].ValueOf(FirewallRuleMembers.Protocol);
        }

        return UndoStep.With(FirewallRuleResourceType.TypeName, properties);
    }

    public override void Apply(IHost host, FirewallRuleActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.Any(c => c.Property == WholeRule))
        {
            if (Present)
            {
                host.Firewall.Create(NewRule());
            }
            else
            {
                host.Firewall.Remove(Name);
            }

            return;
        }

        host.Firewall.Update(actual.Rules[0].Name, Desired.Only(changes.Select(c => c.Property).ToList()));
    }

    private FirewallRule NewRule() => Desired.ApplyTo(FirewallRule.WithDefaults(Name));
}
