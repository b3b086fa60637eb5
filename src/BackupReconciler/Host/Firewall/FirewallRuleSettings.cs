using BackupReconciler.Input;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// Some settings of a rule, each null when not given: what a baseline states, and what an update
/// changes (only the settings that differ, so the rest of a rule stays as it is).
/// </summary>
public sealed record FirewallRuleSettings(
    bool? Enabled = null,
    FirewallDirection? Direction = null,
    FirewallAction? Action = null,
    FirewallProtocol? Protocol = null,
    PortSet? LocalPorts = null,
    PortSet? RemotePorts = null,
    AddressSet? RemoteAddresses = null,
    ProfileSet? Profiles = null)
{
    /// <summary>The members that are given, in <see cref="FirewallRuleMembers.All"/> order.</summary>
    public IReadOnlyList<string> Stated => FirewallRuleMembers.All.Where(IsStated).ToList();

    public bool IsStated(string member) => member switch
    {
        FirewallRuleMembers.Enabled => Enabled is not null,
        FirewallRuleMembers.Direction => Direction is not null,
        FirewallRuleMembers.Action => Action is not null,
        FirewallRuleMembers.Protocol => Protocol is not null,
        FirewallRuleMembers.LocalPorts => LocalPorts is not null,
        FirewallRuleMembers.RemotePorts => RemotePorts is not null,
        FirewallRuleMembers.RemoteAddresses => RemoteAddresses is not null,
        FirewallRuleMembers.Profiles => Profiles is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "not a firewall rule setting"),
    };

    /// <summary>These settings only (the others become null).</summary>
    public FirewallRuleSettings Only(IReadOnlyCollection<string> members) => new(
        members.Contains(FirewallRuleMembers.Enabled) ? Enabled : null,
        members.Contains(FirewallRuleMembers.Direction) ? Direction : null,
        members.Contains(FirewallRuleMembers.Action) ? Action : null,
        members.Contains(FirewallRuleMembers.Protocol) ? Protocol : null,
        members.Contains(FirewallRuleMembers.LocalPorts) ? LocalPorts : null,
        members.Contains(FirewallRuleMembers.RemotePorts) ? RemotePorts : null,
        members.Contains(FirewallRuleMembers.RemoteAddresses) ? RemoteAddresses : null,
        members.Contains(FirewallRuleMembers.Profiles) ? Profiles : null);

    /// <summary>The rule with the given settings changed and every other one kept.</summary>
    public FirewallRule ApplyTo(FirewallRule rule) => rule with
    {
        Enabled = Enabled ?? rule.Enabled,
        Direction = Direction ?? rule.Direction,
        Action = Action ?? rule.Action,
        Protocol = Protocol ?? rule.Protocol,
        LocalPorts = LocalPorts ?? rule.LocalPorts,
        RemotePorts = RemotePorts ?? rule.RemotePorts,
        RemoteAddresses = RemoteAddresses ?? rule.RemoteAddresses,
        Profiles = Profiles ?? rule.Profiles,
    };

    /// <summary>
    /// Reads the settings members of a baseline resource or snapshot rule, each strictly and with its
    /// location; <paramref name="protocolNumbers"/> lets other protocols appear as numbers, as on real hosts.
    /// </summary>
    public static FirewallRuleSettings Read(JsonObjectReader reader, bool protocolNumbers) => new(
        reader.OptionalBool(FirewallRuleMembers.Enabled),
        reader.OptionalEnum(FirewallRuleMembers.Direction, FirewallNames.Directions),
        reader.OptionalEnum(FirewallRuleMembers.Action, FirewallNames.Actions),
        FirewallProtocol.Read(reader, FirewallRuleMembers.Protocol, protocolNumbers),
        PortSet.Read(reader, FirewallRuleMembers.LocalPorts),
        PortSet.Read(reader, FirewallRuleMembers.RemotePorts),
        AddressSet.Read(reader, FirewallRuleMembers.RemoteAddresses),
        ProfileSet.Read(reader, FirewallRuleMembers.Profiles));
}
