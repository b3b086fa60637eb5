using BackupReconciler.Host.Firewall;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Firewall;

/// <summary>
/// One setting of a firewall rule (a <see cref="FirewallRuleMembers"/> name): equal when it means the same
/// in both rules (sets as sets, as the comparison decides drift).
/// </summary>
public sealed record FirewallSettingValue(FirewallRule Rule, string Member) : DifferenceValue
{
    public override JToken ToJson() => Rule.ValueOf(Member);

    /// <summary>The setting read back is this one when it is written the same (the canonical form <see cref="FirewallRule.ValueOf"/> writes).</summary>
    public override DifferenceValue? ReadBack(JToken json) => JToken.DeepEquals(json, ToJson()) ? this : null;

    public bool Equals(FirewallSettingValue? other) => other is not null && Member == other.Member && Rule.SameAs(other.Rule, Member);

    public override int GetHashCode() => Member.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Whole rules: the one rule a baseline creates or removes, or every rule of one name removed together.</summary>
public sealed record FirewallRulesValue(IReadOnlyList<FirewallRule> Rules) : DifferenceValue
{
    /// <summary>One rule is written as its settings; several as a list of them.</summary>
    public override JToken ToJson() => Rules.Count == 1 ? Rules[0].ToJson() : new JArray(Rules.Select(r => r.ToJson()));

    public override DifferenceValue? ReadBack(JToken json) => JToken.DeepEquals(json, ToJson()) ? this : null;

    public bool Equals(FirewallRulesValue? other) => other is not null && JToken.DeepEquals(ToJson(), other.ToJson());

    public override int GetHashCode() => Rules.Count;
}
