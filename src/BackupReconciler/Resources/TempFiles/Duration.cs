using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Resources.TempFiles;

/// <summary>
/// A duration as people write it in baselines: whole numbers with a unit, largest first, such as
/// <c>1d</c>, <c>12h</c>, <c>1d12h</c>, <c>30m</c>, <c>90s</c> (m is minutes). Shown as written.
/// </summary>
public sealed partial record Duration(TimeSpan Value, string Text)
{
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,5})d)?(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,8})m)?(?:(?<s>[0-9]{1,9})s)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out Duration duration)
    {
        duration = new Duration(TimeSpan.Zero, text);
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            return false;
        }

        var value = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h"))
            + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
        duration = new Duration(value, text);
        return true;
    }

    public override string ToString() => Text;

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
}
