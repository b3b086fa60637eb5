using System.Globalization;

namespace BackupReconciler.Engine;

/// <summary>Run ids sort by time and stay unique across hosts: <c>20261122T100000Z-3f2a</c>.</summary>
public static class RunId
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// The suffix is two random bytes of a new GUID: on Linux the framework's RandomNumberGenerator is OpenSSL's,
    /// and loading OpenSSL cost a plan more start-up than its whole engine; Guid.NewGuid reads the operating
    /// system's secure random source directly.
    /// </summary>
    /// <param name="after">
    /// The id of the host's newest run, which the new one must sort after: pending restarts and interrupted runs are
    /// read newest first by id. Two runs started in one second (a DSC set right after another), or a run after the
    /// clock was set back, would otherwise sort by their random suffixes or before the run they follow.
    /// </param>
    public static string New(DateTimeOffset now, string? after = null)
    {
        Span<byte> random = stackalloc byte[16];
        _ = Guid.NewGuid().TryWriteBytes(random);
        var id = Format(now.UtcDateTime, (random[0] << 8) | random[1]);
        if (after is null || string.CompareOrdinal(id, after) > 0 || !TryParse(after, out var time, out var suffix))
        {
            return id;
        }

        // The next id after it: its second with the next suffix, or the second after it when the suffixes are used up.
        return suffix < 0xFFFF ? Format(time, suffix + 1) : Format(time.AddSeconds(1), 0);
    }

    private static string Format(DateTime time, int suffix) =>
        time.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + suffix.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>Reads an id this class made: its second and its suffix.</summary>
    private static bool TryParse(string id, out DateTime time, out int suffix)
    {
        time = default;
        suffix = 0;
        if (id.Length != 21 || id[16] != '-')
        {
            return false;
        }

        return DateTime.TryParseExact(id[..16], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time)
            && int.TryParse(id.AsSpan(17), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out suffix);
    }
}
