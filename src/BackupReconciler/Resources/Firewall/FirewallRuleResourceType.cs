using BackupReconciler.Host.Firewall;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.Firewall;

/// <summary>
/// Reads <c>firewallRule</c> resources: <c>name</c>, <c>ensure</c> (present or absent) and the settings
/// <c>enabled</c>, <c>direction</c>, <c>action</c>, <c>protocol</c>, <c>localPorts</c>, <c>remotePorts</c>,
/// <c>remoteAddresses</c>, <c>profiles</c>.
/// </summary>
public sealed class FirewallRuleResourceType : IResourceType
{
    public const string TypeName = "firewallRule";

    private static readonly EnumNames<Ensure> EnsureNames = new(("present", Ensure.Present), ("absent", Ensure.Absent));

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var name = ReadName(properties);
        var ensure = properties.OptionalEnum("ensure", EnsureNames) ?? Ensure.Present;
        RejectEmptyList(properties, FirewallRuleMembers.LocalPorts, ("ports", "port"));
        RejectEmptyList(properties, FirewallRuleMembers.RemotePorts, ("ports", "port"));
        RejectEmptyList(properties, FirewallRuleMembers.RemoteAddresses, ("addresses", "address"));
        var settings = FirewallRuleSettings.Read(properties, protocolNumbers: false);
        properties.RejectUnknownMembers();
        if (ensure == Ensure.Absent)
        {
            RejectSettings(properties, settings, name);
        }
        else
        {
            CheckPortsHaveProtocol(properties, settings, FirewallRuleMembers.LocalPorts, settings.LocalPorts);
            CheckPortsHaveProtocol(properties, settings, FirewallRuleMembers.RemotePorts, settings.RemotePorts);
        }

        return new FirewallRuleResource(name, ensure == Ensure.Present, settings);
    }

    /// <summary>
    /// Windows reads a rule with no ports or addresses as one for all of them, so an empty list in a
    /// baseline — written, or arriving through a variable such as <c>--var AgentIPAddresses=</c> — would
    /// silently open the rule to everything. "any" must be said.
    /// </summary>
    private static void RejectEmptyList(JsonObjectReader properties, string member, (string Plural, string Singular) noun)
    {
        if (properties.Json[member] is JsonArrayItem { Count: 0 } empty)
        {
            throw properties.Error(empty,
                $"\"{member}\" of {properties.Subject} has no {noun.Plural}, and an empty list would make the rule apply to every {noun.Singular}; list the {noun.Plural}, or write \"any\" if every {noun.Singular} is meant.");
        }
    }

    private static string ReadName(JsonObjectReader properties)
    {
        var token = properties.Required("name", "\"the rule's name\"");
        if (token is JsonStringItem { Value: var text } && string.IsNullOrWhiteSpace(text))
        {
            throw properties.Error(token, $"\"name\" of {properties.Subject} is empty; give the rule's name as Windows shows it, such as \"RPC for DPM\".");
        }

        return properties.AsString(token, "name");
    }

    /// <summary>
    /// Settings beside "absent" would read as a filter ("remove the outbound one") that the resource does not
    /// apply: every rule of the name is removed. Refusing them keeps the baseline saying what happens.
    /// </summary>
    private static void RejectSettings(JsonObjectReader properties, FirewallRuleSettings settings, string name)
    {
        if (settings.Stated.Count == 0)
        {
            return;
        }

        var first = properties.Json.Members.First(p => FirewallRuleMembers.All.Contains(p.Name) && settings.IsStated(p.Name));
        throw properties.Error(first,
            $"{properties.Subject} has \"ensure\": \"absent\" and also \"{first.Name}\"; absent removes every rule named \"{name}\" whatever its settings, so remove \"{first.Name}\".");
    }

    /// <summary>Windows accepts ports only on tcp and udp rules; a baseline that cannot be applied is caught before any run.</summary>
    private static void CheckPortsHaveProtocol(JsonObjectReader properties, FirewallRuleSettings settings, string member, PortSet? ports)
    {
        if (ports is null || ports.IsAny)
        {
            return;
        }

        if (settings.Protocol is not { } protocol)
        {
            throw properties.Error(properties.Json[member],
                $"{properties.Subject} sets \"{member}\" but not \"protocol\"; ports apply only to tcp and udp rules, so add \"protocol\": \"tcp\" or \"protocol\": \"udp\".");
        }

        if (!protocol.HasPorts)
        {
            throw properties.Error(properties.Json[FirewallRuleMembers.Protocol],
                $"\"protocol\" of {properties.Subject} is \"{protocol}\", but \"{member}\" names ports, which apply only to tcp and udp; make the protocol \"tcp\" or \"udp\", or the ports \"any\".");
        }
    }

    private enum Ensure
    {
        Present,
        Absent,
    }
}
