using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// What the reconciler knows of one Windows Firewall rule. Rules have more (program, service,
/// description, ...); the port never changes what this model does not hold.
/// </summary>
public sealed record FirewallRule(
    string Name,
    bool Enabled,
    FirewallDirection Direction,
    FirewallAction Action,
    FirewallProtocol Protocol,
    PortSet LocalPorts,
    PortSet RemotePorts,
    AddressSet RemoteAddresses,
    ProfileSet Profiles)
{
    /// <summary>A new rule as Windows makes it when only the name is given: enabled, inbound, allow, any protocol, ports, address and profile.</summary>
    public static FirewallRule WithDefaults(string name) =>
        new(name, true, FirewallDirection.Inbound, FirewallAction.Allow, FirewallProtocol.Any, PortSet.Any, PortSet.Any, AddressSet.Any, ProfileSet.Any);

    /// <summary>
    /// A rule that exists under this name but could not be fully read (a rule string without Active=,
    /// with a field or version this tool does not know, a setting the port cannot express): its other
    /// members mean nothing. It is still found by its name, so it can be seen and removed, and never
    /// mistaken for "no such rule" or compared as if understood.
    /// </summary>
    public static FirewallRule NotFullyRead(string name, string reason) => WithDefaults(name) with { Unreadable = reason };

    /// <summary>Why this rule could not be fully read; null for a rule that was.</summary>
    public string? Unreadable { get; init; }

    /// <summary>The value of one setting (a <see cref="FirewallRuleMembers"/> name) in canonical form.</summary>
    public JToken ValueOf(string member) => member switch
    {
        FirewallRuleMembers.Enabled => new JValue(Enabled),
        FirewallRuleMembers.Direction => new JValue(FirewallNames.Directions.NameOf(Direction)),
        FirewallRuleMembers.Action => new JValue(FirewallNames.Actions.NameOf(Action)),
        FirewallRuleMembers.Protocol => Protocol.ToJson(),
        FirewallRuleMembers.LocalPorts => LocalPorts.ToJson(),
        FirewallRuleMembers.RemotePorts => RemotePorts.ToJson(),
        FirewallRuleMembers.RemoteAddresses => RemoteAddresses.ToJson(),
        FirewallRuleMembers.Profiles => Profiles.ToJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "not a firewall rule setting"),
    };

    /// <summary>Whether one setting means the same in both rules: sets compare as sets, not as text.</summary>
    public bool SameAs(FirewallRule other, string member) => member switch
    {
        FirewallRuleMembers.Enabled => Enabled == other.Enabled,
        FirewallRuleMembers.Direction => Direction == other.Direction,
        FirewallRuleMembers.Action => Action == other.Action,
        FirewallRuleMembers.Protocol => Protocol == other.Protocol,
        FirewallRuleMembers.LocalPorts => LocalPorts.Equals(other.LocalPorts),
        FirewallRuleMembers.RemotePorts => RemotePorts.Equals(other.RemotePorts),
        FirewallRuleMembers.RemoteAddresses => RemoteAddresses.Equals(other.RemoteAddresses),
        FirewallRuleMembers.Profiles => Profiles == other.Profiles,
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "not a firewall rule setting"),
    };

    /// <summary>The whole rule as snapshots, reports and <c>get</c> show it.</summary>
    public JObject ToJson()
    {
        var json = new JObject { ["name"] = Name };
        if (Unreadable is not null)
        {
            json["unreadable"] = Unreadable;
            return json;
        }

        foreach (var member in FirewallRuleMembers.All)
        {
            json[member] = ValueOf(member);
        }

        return json;
    }
}
