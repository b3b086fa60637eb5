using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Input;

/// <summary>
/// Moments in input and reports: ISO 8601 with an explicit zone (a time without one would silently
/// mean the local zone of whoever runs the tool), shown in UTC.
/// </summary>
public static partial class UtcTime
{
    /// <summary>An example for messages.</summary>
    public const string Example = "2026-11-21T08:00:00Z";

    /// <summary>Seconds, plus fractions only when there are any: <c>2026-11-21T08:00:00Z</c>.</summary>
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        return IsoWithZone().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time);
    }

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoWithZone();
}
