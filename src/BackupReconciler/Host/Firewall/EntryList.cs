using BackupReconciler.Input;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The grammar firewall port and address lists share: <c>any</c> (or <c>*</c>) alone, or keywords and
/// ranges; and how such a list is read from a baseline with the failing entry located.
/// </summary>
internal static class EntryList
{
    public delegate bool KeywordParser(string text, out string keyword);

    public delegate bool RangeParser<TRange>(string text, out TRange range, out string problem);

    public delegate bool SetParser<TSet>(IReadOnlyList<string> entries, out TSet set, out ParseProblem? problem);

    /// <returns>False with <paramref name="problem"/> set when an entry is not valid; true with empty lists for "any".</returns>
    public static bool TryParse<TRange>(
        IReadOnlyList<string> entries,
        (string Plural, string Singular) noun,
        KeywordParser keyword,
        RangeParser<TRange> range,
        out List<TRange> ranges,
        out List<string> keywords,
        out ParseProblem? problem)
    {
        ranges = [];
        keywords = [];
        problem = null;
        var any = false;
        foreach (var (i, part) in ListEntries.Split(entries))
        {
            var text = part.Trim();
            if (text.Equals("any", StringComparison.OrdinalIgnoreCase) || text == "*")
            {
                any = true;
            }
            else if (keyword(text, out var word))
            {
                keywords.Add(word);
            }
            else if (range(text, out var parsed, out var message))
            {
                ranges.Add(parsed);
            }
            else
            {
                problem = new ParseProblem(i, message);
                return false;
            }
        }

        if (any && (ranges.Count > 0 || keywords.Count > 0))
        {
            problem = new ParseProblem(ParseProblem.WholeList,
                $"\"any\" together with other {noun.Plural}; \"any\" already means every {noun.Singular}: use \"any\" alone, or only the {noun.Plural}");
            return false;
        }

        return true;
    }

    /// <summary>Reads a list member strictly (array or netsh-style "a,b"); null when it is absent.</summary>
    public static TSet? Read<TSet>(JsonObjectReader reader, string name, string example, bool allowNumbers, SetParser<TSet> parse)
        where TSet : class
    {
        if (CommaSeparatedList.Read(reader, name, example, allowNumbers) is not { } entries)
        {
            return null;
        }

        if (parse(CommaSeparatedList.Texts(entries), out var set, out var problem))
        {
            return set;
        }

        var at = problem!.EntryIndex == ParseProblem.WholeList ? reader.Json[name] : entries[problem.EntryIndex].Token;
        throw reader.Error(at, $"\"{name}\" of {reader.Subject} has {problem.Message}.");
    }
}
