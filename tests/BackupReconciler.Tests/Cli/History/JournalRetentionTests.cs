using BackupReconciler.Cli;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.History;

/// <summary>Applying runs delete complete journals older than --keep (90 days unless given), and nothing a person may still need.</summary>
public sealed class JournalRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Runs => Path.Combine(State, "runs");

    private string Baseline => _folder.Write("b.json", """
        { "name": "vss", "resources": [ { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } } ] }
        """);

    /// <summary>An apply of a host whose VSS start type was set back, so every run changes something.</summary>
    private string Apply(DateTimeOffset time, string host = "H", params string[] more)
    {
        var snapshot = _folder.Write($"{host}.json", $$"""{ "computerName": "{{host}}", "services": { "VSS": { "startType": "manual", "state": "stopped" } } }""");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, new FixedClock(time)).Run(["apply", Baseline, "--snapshot", snapshot, "--output", "json", "--state-dir", State, .. more]);
        Assert.True(exit is 0 or 2, stderr.ToString());
        return (string)JObject.Parse(stdout.ToString())["runId"]!;
    }

    /// <summary>The run's journal, or the path it would have without a host tag (which then does not exist).</summary>
    private string Journal(string runId) => JournalFiles.Find(State, runId) ?? Path.Combine(Runs, runId + ".jsonl");

    private List<string> Kept() => Directory.EnumerateFiles(Runs, "*.jsonl").Select(JournalFiles.RunIdOf).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void CompleteJournalsOlderThanNinetyDaysGoAndYoungerOnesStay()
    {
        var old = Apply(Now.AddDays(-200));
        var older90 = Apply(Now.AddDays(-91));
        var young = Apply(Now.AddDays(-89));

        var current = Apply(Now);

        Assert.Equal(new[] { young, current }.Order(StringComparer.Ordinal), Kept());
        Assert.False(File.Exists(Journal(old)));
        Assert.False(File.Exists(Journal(older90)));
    }

    [Fact]
    public void KeepSetsTheRetention()
    {
        var old = Apply(Now.AddDays(-200));
        var month = Apply(Now.AddDays(-31));

        var current = Apply(Now, "H", "--keep", "30d");

        Assert.Equal([current], Kept());
        Assert.False(File.Exists(Journal(old)));
        Assert.False(File.Exists(Journal(month)));
    }

    [Fact]
    public void InterruptedAndDamagedJournalsAreKeptWhateverTheirAge()
    {
        var interrupted = Apply(Now.AddDays(-300));
        File.WriteAllLines(Journal(interrupted), File.ReadAllLines(Journal(interrupted)).Take(2));
        var damaged = Apply(Now.AddDays(-250));
        File.AppendAllText(Journal(damaged), "{garbage\n");
        var complete = Apply(Now.AddDays(-200));

        var current = Apply(Now);

        Assert.Equal(new[] { interrupted, damaged, current }.Order(StringComparer.Ordinal), Kept());
        Assert.False(File.Exists(Journal(complete)));
    }

    [Fact]
    public void TheNewestCompleteJournalOfAnotherHostIsKeptForItsDeferredRestarts()
    {
        var otherOldest = Apply(Now.AddDays(-300), "OTHER");
        var otherNewest = Apply(Now.AddDays(-200), "OTHER");

        var current = Apply(Now);

        Assert.Equal(new[] { otherNewest, current }.Order(StringComparer.Ordinal), Kept());
        Assert.False(File.Exists(Journal(otherOldest)));
    }

    /// <summary>A host's journals found among others' by the tag in their names, or by their start line when an older build named them.</summary>
    [Fact]
    public void AHostsNewestCompleteJournalIsKeptWhetherItsNameCarriesTheHostTagOrNot()
    {
        var otherOldest = Apply(Now.AddDays(-300), "OTHER");
        var otherNewest = Apply(Now.AddDays(-200), "other");
        File.Move(Journal(otherNewest), Path.Combine(Runs, otherNewest + ".jsonl")); // as builds before the host tag named it
        var mine = Apply(Now.AddDays(-10));

        var current = Apply(Now);

        Assert.Equal(new[] { otherNewest, mine, current }.Order(StringComparer.Ordinal), Kept());
        Assert.False(File.Exists(Journal(otherOldest)));
    }

    [Fact]
    public void WhatIfPrunesNothing()
    {
        var old = Apply(Now.AddDays(-200));
        var older = Apply(Now.AddDays(-150));

        Apply(Now, "H", "--what-if");

        Assert.Equal(new[] { old, older }.Order(StringComparer.Ordinal), Kept());
    }
}
