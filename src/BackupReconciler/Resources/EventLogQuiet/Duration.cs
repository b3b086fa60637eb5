using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Resources.EventLogQuiet;

/// <summary>A look-back window as baselines write it (<c>24h</c>, <c>30m</c>, <c>7d</c>, <c>1h30m</c>), kept with its text for reports.</summary>
public sealed partial record Duration(TimeSpan Span, string Text)
{
    /// <summary>Longer than any event log keeps entries; the bound keeps "now minus window" a valid date.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    public static bool TryParse(string text, out Duration duration)
    {
        duration = null!;
        var match = Parts().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        var span = TimeSpan.FromDays(Number(match, "d")) + TimeSpan.FromHours(Number(match, "h")) + TimeSpan.FromMinutes(Number(match, "m"));
        if (span <= TimeSpan.Zero || span > Longest)
        {
            return false;
        }

        duration = new Duration(span, text);
        return true;
    }

    public override string ToString() => Text;

    private static long Number(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    // At most six digits per part: anything longer exceeds Longest anyway and must not overflow TimeSpan.
    [GeneratedRegex(@"^(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();
}
