using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// The network profiles a rule applies in. "any" is all three, so ["any"] equals
/// ["domain", "private", "public"]; order and case do not matter.
/// </summary>
public readonly record struct ProfileSet(bool Domain, bool Private, bool Public)
{
    public static ProfileSet Any { get; } = new(true, true, true);

    public bool IsAny => Domain && Private && Public;

    /// <summary>The canonical entries: ["any"] or the profiles in the order domain, private, public.</summary>
    public IReadOnlyList<string> Entries =>
        IsAny ? ["any"] : [.. new[] { (Domain, "domain"), (Private, "private"), (Public, "public") }.Where(p => p.Item1).Select(p => p.Item2)];

    public JArray ToJson() => new(Entries.Cast<object>().ToArray());

    public static bool TryParse(IReadOnlyList<string> entries, out ProfileSet set, out ParseProblem? problem)
    {
        set = default;
        problem = null;
        if (entries.Count == 0)
        {
            // Windows has no rule that applies in no profile; an empty list is a mistake, not "any".
            problem = new ParseProblem(ParseProblem.WholeList, "no profile; use \"any\", or some of domain, private, public");
            return false;
        }

        var result = default(ProfileSet);
        foreach (var (i, part) in ListEntries.Split(entries))
        {
            var text = part.Trim();
            if (text.Equals("any", StringComparison.OrdinalIgnoreCase))
            {
                result = Any;
            }
            else if (text.Equals("domain", StringComparison.OrdinalIgnoreCase))
            {
                result = result with { Domain = true };
            }
            else if (text.Equals("private", StringComparison.OrdinalIgnoreCase))
            {
                result = result with { Private = true };
            }
            else if (text.Equals("public", StringComparison.OrdinalIgnoreCase))
            {
                result = result with { Public = true };
            }
            else
            {
                problem = new ParseProblem(i, text.Length == 0
                    ? "an empty entry; remove the extra comma"
                    : $"\"{text}\", which is not a profile; use any, domain, private or public");
                return false;
            }
        }

        set = result;
        return true;
    }

    /// <summary>Parses entries known to be valid (tests, constants); a bad one is a programming error.</summary>
    public static ProfileSet Parse(params string[] entries) =>
        TryParse(entries, out var set, out var problem) ? set : throw new FormatException(problem!.Message);

    /// <summary>Reads a profiles member strictly; null when it is absent.</summary>
    public static ProfileSet? Read(JsonObjectReader reader, string name)
    {
        if (CommaSeparatedList.Read(reader, name, "[\"domain\", \"private\"]", allowNumbers: false) is not { } entries)
        {
            return null;
        }

        if (TryParse(CommaSeparatedList.Texts(entries), out var set, out var problem))
        {
            return set;
        }

        var at = problem!.EntryIndex == ParseProblem.WholeList ? reader.Json[name] : entries[problem.EntryIndex].Token;
        throw reader.Error(at, $"\"{name}\" of {reader.Subject} has {problem.Message}.");
    }

    public override string ToString() => string.Join(",", Entries);
}
