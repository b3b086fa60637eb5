using BackupReconciler.Engine;

namespace BackupReconciler.Tests.Engine;

/// <summary>Run ids order a host's runs: pending restarts and interrupted runs are read newest first by id.</summary>
public sealed class RunIdTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RunsStartedInOneSecondSortInTheOrderTheyStarted()
    {
        var ids = new List<string> { RunId.New(Noon) };
        for (var i = 0; i < 200; i++)
        {
            ids.Add(RunId.New(Noon, after: ids[^1]));
        }

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ARunAfterTheClockWasSetBackStillSortsAfterThePreviousRun()
    {
        var previous = RunId.New(Noon);

        var next = RunId.New(Noon.AddHours(-3), after: previous);

        Assert.True(string.CompareOrdinal(next, previous) > 0, $"{next} sorts before {previous}");
        Assert.StartsWith("20261202T120000Z-", next, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenASecondsSuffixesAreUsedUpTheNextIdIsInTheNextSecond()
    {
        Assert.Equal("20261202T120001Z-0000", RunId.New(Noon, after: "20261202T120000Z-ffff"));
    }

    [Fact]
    public void ALaterRunKeepsItsOwnTimeAndAnIdNotMadeHereIsNotFollowed()
    {
        Assert.StartsWith("20261202T130000Z-", RunId.New(Noon.AddHours(1), after: RunId.New(Noon)), StringComparison.Ordinal);
        Assert.StartsWith("20261202T120000Z-", RunId.New(Noon, after: "zzz-not-an-id"), StringComparison.Ordinal);
    }
}
