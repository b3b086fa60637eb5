using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The remote addresses a rule matches: IPv4 and IPv6 addresses, subnets (prefix or mask), ranges
/// a-b, Windows' address keywords, or any address ("any", "*", or an empty list). Two sets are equal
/// when they cover the same addresses and keywords, however they were written: 10.0.0.1 equals
/// 10.0.0.1/32, 10.0.0.0/255.255.255.0 equals 10.0.0.0/24, IntErnet equals Internet.
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>
{
    /// <summary>
    /// Keyword spellings of New-NetFirewallRule and of the rule store (MS-GPFAS 2.2.2.13), mapped to the
    /// PowerShell spelling; each also exists restricted to one family with a 4 or 6 suffix.
    /// </summary>
    private static readonly Dictionary<string, string> KeywordSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LocalSubnet"] = "LocalSubnet",
        ["DNS"] = "DNS",
        ["DHCP"] = "DHCP",
        ["WINS"] = "WINS",
        ["DefaultGateway"] = "DefaultGateway",
        ["Internet"] = "Internet",
        ["Intranet"] = "Intranet",
        ["IntranetRemoteAccess"] = "IntranetRemoteAccess",
        ["RmtIntrAnet"] = "IntranetRemoteAccess",
        ["PlayToDevice"] = "PlayToDevice",
        ["Ply2Renders"] = "PlayToDevice",
        ["CaptivePortal"] = "CaptivePortal",
    };

    private const string Fix = "use an IPv4 or IPv6 address, a subnet such as \"10.0.0.0/24\", a range such as \"10.0.0.1-10.0.0.9\", a keyword (LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal), or \"any\"";

    private readonly List<(UInt128 Low, UInt128 High)> _covered4;
    private readonly List<(UInt128 Low, UInt128 High)> _covered6;

    private AddressSet(IEnumerable<AddressRange> ranges, IEnumerable<string> keywords)
    {
        Ranges = Intervals.SortedDistinct(ranges, static (a, b) =>
            a.Family != b.Family ? ((int)a.Family).CompareTo((int)b.Family) : a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.High.CompareTo(b.High));
        Keywords = Intervals.SortedDistinct(keywords, StringComparer.Ordinal.Compare);
        _covered4 = Intervals.Merge(Ranges.Where(r => r.Family == AddressFamily.InterNetwork).Select(r => (r.Low, r.High)));
        _covered6 = Intervals.Merge(Ranges.Where(r => r.Family == AddressFamily.InterNetworkV6).Select(r => (r.Low, r.High)));
    }

    public static AddressSet Any { get; } = new([], []);

    /// <summary>IPv4 ranges first, then IPv6, lowest first.</summary>
    public IReadOnlyList<AddressRange> Ranges { get; }

    /// <summary>Address keywords in their canonical spelling.</summary>
    public IReadOnlyList<string> Keywords { get; }

    public bool IsAny => Ranges.Count == 0 && Keywords.Count == 0;

    /// <summary>The canonical entries, as reports, snapshots and the live host write them.</summary>
    public IReadOnlyList<string> Entries =>
        IsAny ? ["any"] : [.. Ranges.Select(r => r.ToString()), .. Keywords];

    public JArray ToJson() => new(Entries.Cast<object>().ToArray());

    public static bool TryParse(IReadOnlyList<string> entries, out AddressSet set, out ParseProblem? problem)
    {
        var parsed = EntryList.TryParse<AddressRange>(entries, ("addresses", "address"), TryParseKeyword, TryParseRange, out var ranges, out var keywords, out problem);
        set = parsed ? new AddressSet(ranges, keywords) : Any;
        return parsed;
    }

    /// <summary>Parses entries known to be valid (tests, constants); a bad one is a programming error.</summary>
    public static AddressSet Parse(params string[] entries) =>
        TryParse(entries, out var set, out var problem) ? set : throw new FormatException(problem!.Message);

    /// <summary>Reads a addresses member strictly; null when it is absent.</summary>
    public static AddressSet? Read(JsonObjectReader reader, string name) =>
        EntryList.Read<AddressSet>(reader, name, "[\"10.0.0.5\", \"10.0.1.0/24\"]", allowNumbers: false, TryParse);

    private static bool TryParseKeyword(string text, out string keyword)
    {
        if (KeywordSpellings.TryGetValue(text, out keyword!))
        {
            return true;
        }

        // LocalSubnet4, DNS6: the keyword restricted to one address family.
        if (text.Length > 1 && text[^1] is '4' or '6' && KeywordSpellings.TryGetValue(text[..^1], out var family))
        {
            keyword = family + text[^1];
            return true;
        }

        return false;
    }

    private static bool TryParseRange(string text, out AddressRange range, out string problem)
    {
        range = default;
        problem = "";
        if (text.Length == 0)
        {
            problem = "an empty entry; remove the extra comma";
            return false;
        }

        var notAnAddress = $"\"{text}\", which is not an address; {Fix}";
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!TryParseAddress(text[..dash].Trim(), out var lowFamily, out var low)
                || !TryParseAddress(text[(dash + 1)..].Trim(), out var highFamily, out var high))
            {
                problem = notAnAddress;
                return false;
            }

            if (lowFamily != highFamily)
            {
                problem = $"the range {text}, which mixes IPv4 and IPv6; give each family its own range";
                return false;
            }

            if (low > high)
            {
                problem = $"the range {text}, which runs backwards; write it low to high: \"{text[(dash + 1)..].Trim()}-{text[..dash].Trim()}\"";
                return false;
            }

            range = new AddressRange(lowFamily, low, high);
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!TryParseAddress(slash < 0 ? text : text[..slash].Trim(), out var family, out var address))
        {
            problem = notAnAddress;
            return false;
        }

        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && !TryParsePrefix(text[(slash + 1)..].Trim(), family, out prefix))
        {
            problem = family == AddressFamily.InterNetwork
                ? $"\"{text}\", whose subnet is neither a prefix length from 0 to 32 nor a mask such as 255.255.255.0; use one of those"
                : $"\"{text}\", whose prefix length is not from 0 to 128; use one in that range";
            return false;
        }

        // A subnet written with host bits set (10.0.0.5/24) means its network, as Windows stores it.
        var hostBits = prefix == 0 ? UInt128.MaxValue >> (128 - bits) : (UInt128.One << (bits - prefix)) - UInt128.One;
        range = new AddressRange(family, address & ~hostBits, (address & ~hostBits) | hostBits);
        return true;
    }

    private static bool TryParsePrefix(string text, AddressFamily family, out int prefix)
    {
        prefix = 0;
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        if (text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit))
        {
            prefix = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return prefix <= bits;
        }

        // Windows' rule store writes IPv4 subnets with a mask: 10.0.0.0/255.255.255.0.
        if (family != AddressFamily.InterNetwork || !TryParseIPv4(text, out var mask))
        {
            return false;
        }

        var ones = (int)UInt128.PopCount(mask);
        var contiguous = ones == 0 ? UInt128.Zero : ((UInt128.One << ones) - UInt128.One) << (32 - ones);
        prefix = ones;
        return mask == contiguous;
    }

    private static bool TryParseAddress(string text, out AddressFamily family, out UInt128 value)
    {
        value = UInt128.Zero;
        family = AddressFamily.InterNetwork;
        if (TryParseIPv4(text, out value))
        {
            return true;
        }

        // IPAddress.TryParse also takes "10.1" and "0x0a000001"; IPv6 text always has a colon. Zone ids do not belong in rules.
        if (!text.Contains(':', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        family = AddressFamily.InterNetworkV6;
        foreach (var b in parsed.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return true;
    }

    /// <summary>Exactly four decimal parts 0-255; leading zeros are refused because some Windows parsers read them as octal.</summary>
    private static bool TryParseIPv4(string text, out UInt128 value)
    {
        value = UInt128.Zero;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var octet = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
        }

        return true;
    }

    public bool Equals(AddressSet? other) =>
        other is not null
        && _covered4.SequenceEqual(other._covered4)
        && _covered6.SequenceEqual(other._covered6)
        && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AddressSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in _covered4.Concat(_covered6))
        {
            hash.Add(interval);
        }

        foreach (var keyword in Keywords)
        {
            hash.Add(keyword, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", Entries);
}
