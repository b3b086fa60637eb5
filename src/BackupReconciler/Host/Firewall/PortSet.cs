using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The ports a rule matches: single ports, ranges such as 49152-65535, Windows' port keywords, or
/// any port (written "any" or "*", or as an empty list). Two sets are equal when they cover the
/// same ports, however they were written: "135,5718" equals ["5718", "135"], "80,81" equals "80-81".
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    /// <summary>The keywords Windows accepts for ports (MS-FASP FW_PORT_KEYWORD), by every spelling Windows tools show.</summary>
    private static readonly Dictionary<string, string> KeywordSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RPC"] = "RPC",
        ["RPCEPMap"] = "RPCEPMap",
        ["RPC-EPMap"] = "RPCEPMap",
        ["Teredo"] = "Teredo",
        ["IPHTTPSIn"] = "IPHTTPSIn",
        ["IPHTTPSOut"] = "IPHTTPSOut",
        ["DHCP"] = "DHCP",
        ["PlayToDiscovery"] = "PlayToDiscovery",
        ["Ply2Disc"] = "PlayToDiscovery",
        ["mDNS"] = "mDNS",
    };

    private const string Fix = "use a port such as \"445\", a range such as \"49152-65535\", a keyword (RPC, RPCEPMap, Teredo, IPHTTPSIn, IPHTTPSOut, DHCP, PlayToDiscovery, mDNS), or \"any\"";

    private readonly List<(int Low, int High)> _covered;

    private PortSet(IEnumerable<PortRange> ranges, IEnumerable<string> keywords)
    {
        Ranges = Intervals.SortedDistinct(ranges, static (a, b) => a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.High.CompareTo(b.High));
        Keywords = Intervals.SortedDistinct(keywords, StringComparer.Ordinal.Compare);
        _covered = Intervals.Merge(Ranges.Select(r => (r.Low, r.High)));
    }

    public static PortSet Any { get; } = new([], []);

    /// <summary>The ranges as written (each in canonical form), lowest first.</summary>
    public IReadOnlyList<PortRange> Ranges { get; }

    /// <summary>Port keywords in their canonical spelling.</summary>
    public IReadOnlyList<string> Keywords { get; }

    public bool IsAny => Ranges.Count == 0 && Keywords.Count == 0;

    /// <summary>The canonical entries, as reports, snapshots and the live host write them.</summary>
    public IReadOnlyList<string> Entries =>
        IsAny ? ["any"] : [.. Ranges.Select(r => r.ToString()), .. Keywords];

    public JArray ToJson() => new(Entries.Cast<object>().ToArray());

    public static bool TryParse(IReadOnlyList<string> entries, out PortSet set, out ParseProblem? problem)
    {
        var parsed = EntryList.TryParse<PortRange>(entries, ("ports", "port"), TryParseKeyword, TryParseRange, out var ranges, out var keywords, out problem);
        set = parsed ? new PortSet(ranges, keywords) : Any;
        return parsed;
    }

    /// <summary>Parses entries known to be valid (tests, constants); a bad one is a programming error.</summary>
    public static PortSet Parse(params string[] entries) =>
        TryParse(entries, out var set, out var problem) ? set : throw new FormatException(problem!.Message);

    /// <summary>Reads a ports member strictly; null when it is absent.</summary>
    public static PortSet? Read(JsonObjectReader reader, string name) =>
        EntryList.Read<PortSet>(reader, name, "[\"135\", \"49152-65535\"]", allowNumbers: true, TryParse);

    private static bool TryParseKeyword(string text, out string keyword) => KeywordSpellings.TryGetValue(text, out keyword!);

    private static bool TryParseRange(string text, out PortRange range, out string problem)
    {
        range = default;
        problem = "";
        if (text.Length == 0)
        {
            problem = "an empty entry; remove the extra comma";
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var lowText = dash < 0 ? text : text[..dash].Trim();
        var highText = dash < 0 ? text : text[(dash + 1)..].Trim();
        if (!TryParseNumber(lowText, out var low) || !TryParseNumber(highText, out var high))
        {
            problem = $"\"{text}\", which is not a port; {Fix}";
            return false;
        }

        if (dash < 0 && low > PortRange.MaxPort)
        {
            problem = $"the port {text}, outside 0 to 65535; use ports from 0 to 65535";
            return false;
        }

        if (low > PortRange.MaxPort || high > PortRange.MaxPort)
        {
            problem = $"the range {text}, which goes outside 0 to 65535; use ports from 0 to 65535";
            return false;
        }

        if (low > high)
        {
            problem = $"the range {text}, which runs backwards; write it low to high: \"{new PortRange((int)high, (int)low)}\"";
            return false;
        }

        range = new PortRange((int)low, (int)high);
        return true;
    }

    /// <summary>Digits only: no sign, no spaces inside, no hexadecimal, as Windows takes ports.</summary>
    private static bool TryParseNumber(string text, out long number)
    {
        number = 0;
        return text.Length is > 0 and <= 10
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public bool Equals(PortSet? other) =>
        other is not null
        && _covered.SequenceEqual(other._covered)
        && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in _covered)
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
