using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The IP protocol of a rule by number, as Windows holds it: 6 is tcp, 17 udp, 256 any
/// (NET_FW_IP_PROTOCOL_ANY). Real hosts also have others, such as 58 (ICMPv6), which are kept as numbers.
/// </summary>
public readonly record struct FirewallProtocol(int Number)
{
    public const int MaxNumber = 255;

    public static FirewallProtocol Tcp { get; } = new(6);

    public static FirewallProtocol Udp { get; } = new(17);

    public static FirewallProtocol Any { get; } = new(256);

    /// <summary>Only tcp and udp rules may name ports; Windows refuses ports on any other protocol.</summary>
    public bool HasPorts => this == Tcp || this == Udp;

    /// <summary>"tcp", "udp" and "any" as strings, other protocols as their number.</summary>
    public JToken ToJson() => Name is { } name ? new JValue(name) : new JValue(Number);

    private string? Name => Number switch
    {
        6 => "tcp",
        17 => "udp",
        256 => "any",
        _ => null,
    };

    public override string ToString() => Name ?? Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a protocol member strictly; null when it is absent. Numbers are allowed in snapshots,
    /// which hold whatever a real host has; baselines name tcp, udp or any.
    /// </summary>
    public static FirewallProtocol? Read(JsonObjectReader reader, string name, bool allowNumbers)
    {
        if (reader.Optional(name) is not { } token)
        {
            return null;
        }

        if (token is JsonStringItem { Value: var text })
        {
            foreach (var known in new[] { Tcp, Udp, Any })
            {
                if (text.Equals(known.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }
        }
        else if (allowNumbers && token is JsonNumberItem { Value: long number } && number is >= 0 and <= MaxNumber)
        {
            return new FirewallProtocol((int)number);
        }

        var expected = allowNumbers ? "tcp, udp, any, or a protocol number from 0 to 255" : "tcp, udp, any";
        throw reader.Error(token, $"\"{name}\" of {reader.Subject} is {JsonObjectReader.Describe(token)}; use one of: {expected}.");
    }
}
