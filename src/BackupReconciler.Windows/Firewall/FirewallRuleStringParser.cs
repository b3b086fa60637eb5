using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// The grammar of registry rule strings ([MS-GPFAS] 2.2.2.19): "v" VERSION "|" then Key=Value fields,
/// each followed by "|". Values are split at the first "=" only (LUAuth values hold "=" and ";").
/// Tolerant where Windows evolves (unknown fields, versions, keywords and versioned keys such as
/// LPort2_30); strict where a wrong value would change a rule's meaning (Action, Protocol, ports,
/// addresses), and then the error says which field and why.
/// </summary>
internal static partial class FirewallRuleStringParser
{
    private const int ShownLength = 80;

    public static bool TryParse(string? text, out FirewallRuleString? rule, out string? error)
    {
        rule = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "the firewall rule string is empty.";
            return false;
        }

        var parts = text.Split('|');
        var version = VersionPattern().Match(parts[0]);
        if (!version.Success
            || !int.TryParse(version.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(version.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            error = $"a firewall rule string starts with its version, such as \"v2.33|\"; this one starts with \"{Shown(parts[0])}\".";
            return false;
        }

        var fields = new RuleFields(new Version(major, minor));
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                // The string ends with "|", so the last part is empty; an empty one before that is damage.
                if (i == parts.Length - 1)
                {
                    break;
                }

                error = $"field {i} of the firewall rule string is empty (two \"|\" in a row).";
                return false;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var problem = equals <= 0
                ? "a field is written Key=Value"
                : fields.Add(part[..equals], part[(equals + 1)..]);
            if (problem is not null)
            {
                error = $"field {i} (\"{Shown(part)}\") of the firewall rule string: {problem}.";
                return false;
            }
        }

        return fields.TryBuild(out rule, out error);
    }

    /// <summary>A value as an error message shows it: whole, or its beginning.</summary>
    internal static string Shown(string text) => text.Length <= ShownLength ? text : text[..ShownLength] + "…";

    internal static string? ParsePort(string key, string value, out RulePort? port)
    {
        port = null;
        if (TryPortNumber(value, out var single))
        {
            port = new RulePort(key, value, RulePortKind.Number, single, single, null, false);
            return null;
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryPortNumber(value[..dash], out var low) && TryPortNumber(value[(dash + 1)..], out var high))
        {
            if (low > high)
            {
                return $"the port range \"{value}\" ends before it starts";
            }

            port = new RulePort(key, value, RulePortKind.Range, low, high, null, false);
            return null;
        }

        if (KeywordPattern().IsMatch(value))
        {
            var known = RuleKeywords.Ports.TryGetValue(value, out var canonical);
            port = new RulePort(key, value, RulePortKind.Keyword, null, null, canonical ?? value, known);
            return null;
        }

        return $"\"{Shown(value)}\" is not a port (0-65535), a port range such as 49152-65535 or a port keyword such as RPC";
    }

    internal static string? ParseAddress(string key, string value, out RuleAddress? address)
    {
        address = null;
        var family = key[2] == '6' ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var familyName = family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        if (TryAddress(value, family, out var single))
        {
            address = new RuleAddress(key, value, RuleAddressKind.Single, single, single, null, null, false);
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (!TryAddress(value[..slash], family, out var network))
            {
                return $"\"{Shown(value[..slash])}\" is not an {familyName} address, as {key} needs";
            }

            if (!TryPrefix(value[(slash + 1)..], family, out var prefix))
            {
                return $"\"{Shown(value[(slash + 1)..])}\" is neither a prefix length nor a contiguous subnet mask";
            }

            address = new RuleAddress(key, value, RuleAddressKind.Subnet, network, null, prefix, null, false);
            return null;
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryAddress(value[..dash], family, out var first) && TryAddress(value[(dash + 1)..], family, out var last))
        {
            if (Compare(first, last) > 0)
            {
                return $"the address range \"{value}\" ends before it starts";
            }

            address = new RuleAddress(key, value, RuleAddressKind.Range, first, last, null, null, false);
            return null;
        }

        if (AddressKeywordPattern().IsMatch(value))
        {
            var known = RuleKeywords.Addresses.TryGetValue(value, out var canonical);
            address = new RuleAddress(key, value, RuleAddressKind.Keyword, null, null, null, canonical ?? value, known);
            return null;
        }

        return $"\"{Shown(value)}\" is not an {familyName} address, range, subnet or address keyword such as LocalSubnet";
    }

    private static bool TryPortNumber(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    /// <summary>
    /// An address of the key's family. IPAddress.TryParse also takes "10" or "10.1" as IPv4 shorthand;
    /// a rule string never means that, so IPv4 must be four dotted numbers.
    /// </summary>
    private static bool TryAddress(string text, AddressFamily family, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != family)
        {
            return false;
        }

        if (family == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryPrefix(string text, AddressFamily family, out int prefix)
    {
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
        {
            return prefix <= bits;
        }

        // 255.255.255.0 → 24: ones, then only zeros.
        if (family == AddressFamily.InterNetwork && TryAddress(text, family, out var mask))
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mask.GetAddressBytes());
            prefix = System.Numerics.BitOperations.PopCount(value);
            return value == (prefix == 0 ? 0u : uint.MaxValue << (32 - prefix));
        }

        return false;
    }

    private static int Compare(IPAddress a, IPAddress b)
    {
        var left = a.GetAddressBytes();
        var right = b.GetAddressBytes();
        return left.AsSpan().SequenceCompareTo(right);
    }

    [GeneratedRegex(@"^v(\d{1,9})\.(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary>RPC, RPC-EPMap, Ply2Disc, mDNS: a letter, then letters, digits and dashes.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();

    /// <summary>LocalSubnet, IntErnet, Ply2Renders: a letter, then letters and digits.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressKeywordPattern();
}
