using System.Globalization;
using System.Text.RegularExpressions;
using BackupReconciler.Engine;
using BackupReconciler.Input;

namespace BackupReconciler.Tests.Input;

/// <summary>
/// UtcTime reads the common "…Z" form itself (the framework's parser loads ICU on first use); whatever it reads
/// must be exactly what the framework's parser made of the same text, and what it refuses must still be decided there.
/// </summary>
public sealed partial class UtcTimeTests
{
    [Theory]
    [InlineData("2026-11-21T08:00:00Z")]
    [InlineData("2026-11-21T08:00:00.5Z")]
    [InlineData("2026-11-21T08:00:00.1234567Z")]
    [InlineData("2026-11-21T23:59:59.9999999Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2026-11-21T08:00:00.12345678Z")]
    [InlineData("2026-11-21t08:00:00z")]
    [InlineData("2026-11-21T08:00Z")]
    [InlineData("2026-11-21T10:00:00+02:00")]
    [InlineData("2026-11-21T08:00:00.0000000-05:30")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-11-31T00:00:00Z")]
    [InlineData("2026-11-21T24:00:00Z")]
    [InlineData("2026-11-21T08:60:00Z")]
    [InlineData("2026-11-21T08:00:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-11-21T08:00:00.Z")]
    [InlineData("2026-11-21T08:00:00")]
    [InlineData("2026-11-21 08:00:00Z")]
    [InlineData("２026-11-21T08:00:00Z")]
    public void ReadsEachTimeExactlyAsTheFrameworkDoes(string text)
    {
        var expected = Framework().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : (DateTimeOffset?)null;

        var read = UtcTime.TryParse(text, out var time) ? time : (DateTimeOffset?)null;

        Assert.Equal(expected, read);
        Assert.Equal(expected?.Offset, read?.Offset);
        Assert.Equal(expected?.Ticks, read?.Ticks);
    }

    [Fact]
    public void RunIdsKeepTheirFormAndDiffer()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 50).Select(_ => RunId.New(now)).ToList();

        Assert.All(ids, id => Assert.Matches("^20261122T100000Z-[0-9a-f]{4}$", id));
        Assert.True(ids.Distinct().Count() > 1, "fifty run ids in the same second all had the same random part");
    }

    /// <summary>The shape UtcTime accepted before it read the common form itself.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Framework();
}
