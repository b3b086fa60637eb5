using BackupReconciler.Windows.EventLog;

namespace BackupReconciler.Tests.Windows.EventLog;

/// <summary>The one XPath query per check that the event log service filters.</summary>
public sealed class EventQueryTests
{
    [Fact]
    public void TheQueryFiltersByProviderIdsAndTimeInUtc()
    {
        var since = new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(
            "*[System[Provider[@Name='SQLAgent$MSDPM2012'] and (EventID=208 or EventID=209) and TimeCreated[@SystemTime>='2026-11-21T10:00:00.000Z']]]",
            EventQuery.XPath("SQLAgent$MSDPM2012", [209, 208, 208], since));
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a'b\"c", "concat('a', \"'\", 'b\"c')")]
    public void AnySourceNameIsOneXPathLiteral(string name, string literal)
    {
        Assert.Equal(literal, EventQuery.Literal(name));
    }

    [Fact]
    public void EventTimesAreUtcWhateverKindTheReaderGave()
    {
        var utc = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTimeOffset(utc), EventQuery.ToUtc(utc));
        Assert.Equal(new DateTimeOffset(utc), EventQuery.ToUtc(utc.ToLocalTime()));
    }
}
