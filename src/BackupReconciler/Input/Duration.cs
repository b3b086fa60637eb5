using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Input;

/// <summary>
/// A duration as people write it in baselines and on the command line: whole numbers with a unit,
/// largest first — <c>7d</c>, <c>24h</c>, <c>1d12h</c>, <c>1h30m</c>, <c>90s</c> (m is minutes).
/// Kept with its text so reports show it as written.
/// </summary>
public sealed partial record Duration(TimeSpan Span, string Text)
{
    /// <summary>Ten years: longer than any window or age a baseline means, and far from TimeSpan's limits.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    public const string Examples = "\"1d\", \"12h\", \"1d12h\", \"30m\" or \"90s\"";

    // Digit counts bound each part so that no text can overflow TimeSpan before the Longest check.
    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,8})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();

    /// <summary>Parses a duration from zero up to <see cref="Longest"/>; callers that need it positive check that.</summary>
    public static bool TryParse(string text, out Duration duration)
    {
        duration = null!;
        var match = Parts().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            return false;
        }

        var span = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h"))
            + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
        if (span > Longest)
        {
            return false;
        }

        duration = new Duration(span, text);
        return true;
    }

    public override string ToString() => Text;

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
}
