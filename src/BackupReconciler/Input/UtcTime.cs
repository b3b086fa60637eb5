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
        if (TryParseUtc(text, out time))
        {
            return true;
        }

        time = default;
        return IsoWithZone().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>
    /// The form this tool and Windows write, <c>2026-11-21T08:00:00Z</c> with up to seven digits of fraction, read
    /// without the framework's parser: its first call loads ICU and builds a collator for the invariant culture's
    /// tokens, the largest part of a plan's start-up. Anything else (another zone, lower case, a value out of range)
    /// goes to the general path, which decides as before.
    /// </summary>
    private static bool TryParseUtc(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length is not (20 or (>= 22 and <= 28))
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > 20)
        {
            var digits = text.Length - 21;
            if (text[19] != '.' || !Digits(text, 20, digits, out ticks))
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks), TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoWithZone();
}
