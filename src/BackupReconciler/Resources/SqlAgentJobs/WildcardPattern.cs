namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>
/// A case-insensitive wildcard pattern (<c>*</c> any text, <c>?</c> one character) matched against a
/// whole text. Matching backtracks to the last star only, so it takes at most text length × pattern
/// length steps: no pattern from a baseline can make it explode the way a regular expression can.
/// </summary>
public sealed class WildcardPattern
{
    public WildcardPattern(string pattern)
    {
        Pattern = pattern;
    }

    public string Pattern { get; }

    public bool HasWildcards => Pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    public bool IsMatch(string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < Pattern.Length && (Pattern[p] == '?' || SameLetter(Pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (p < Pattern.Length && Pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < Pattern.Length && Pattern[p] == '*')
        {
            p++;
        }

        return p == Pattern.Length;
    }

    public override string ToString() => Pattern;

    private static bool SameLetter(char a, char b) => char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
