using System.Globalization;
using BackupReconciler.Input;

namespace BackupReconciler.Windows.EventLog;

/// <summary>
/// The one XPath query per check (DESIGN §8: filtered by the event log service, never a scan): events of
/// one provider, with one of the ids, created at or after a moment in UTC.
/// </summary>
internal static class EventQuery
{
    public static string XPath(string source, IReadOnlyCollection<int> ids, DateTimeOffset since)
    {
        var idTests = string.Join(" or ", ids.Distinct().Order().Select(id => "EventID=" + id.ToString(CultureInfo.InvariantCulture)));
        var time = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var idPart = ids.Count == 0 ? "" : $" and ({idTests})";
        return $"*[System[Provider[@Name={Literal(source)}]{idPart} and TimeCreated[@SystemTime>='{time}']]]";
    }

    /// <summary>
    /// An XPath string literal for any text: XPath 1.0 has no escape, so a value holding both quote kinds
    /// is built with concat(), and the value can never end the literal early.
    /// </summary>
    public static string Literal(string text)
    {
        if (!text.Contains('\'', StringComparison.Ordinal))
        {
            return $"'{text}'";
        }

        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return $"\"{text}\"";
        }

        var parts = text.Split('\'').Select(part => $"'{part}'");
        return "concat(" + string.Join(", \"'\", ", parts) + ")";
    }

    /// <summary>An event's creation time in UTC, however the reader's DateTime was kinded.</summary>
    public static DateTimeOffset ToUtc(DateTime? created) => created switch
    {
        null => DateTimeOffset.MinValue,
        { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc, TimeSpan.Zero),
        { } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
    };

    internal static string Text(DateTimeOffset time) => UtcTime.ToText(time);
}
