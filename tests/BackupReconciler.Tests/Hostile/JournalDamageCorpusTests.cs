using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, items 2 and 8, third class: the journal of a real three-resource apply damaged at every one of
/// its lines, each with its exact outcome in <c>runs</c>, <c>undo</c> and <c>undo --force</c>; and the
/// journals that hold nothing usable (empty, a start line only, another format version, a torn last line).
/// Damaged state is never read as good state, and nothing crashes.
/// </summary>
public sealed class JournalDamageCorpusTests : IDisposable
{
    private const int Resources = 3;

    /// <summary>start, before and after per resource, end.</summary>
    public const int Lines = 2 + (2 * Resources);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    public static TheoryData<int> EveryLine() => new(Enumerable.Range(1, Lines));

    /// <summary>Applies the three resources for real; returns the run id, its journal and the snapshot.</summary>
    private (string RunId, string Journal, string Snapshot) AppliedRun()
    {
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(Resources, 0));
        var baseline = _folder.Write("b.json", KillAnywhereTests.Baseline(Resources));
        var applied = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json");
        Assert.True(applied.Exit == 0, applied.Err);
        var runId = (string)JObject.Parse(applied.Out)["runId"]!;
        var journal = JournalFiles.Find(State, runId)!;
        Assert.Equal(Lines, File.ReadAllLines(journal).Length);
        return (runId, journal, snapshot);
    }

    private static int[] Values(string snapshot) =>
        Enumerable.Range(1, Resources).Select(r => (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]![$"HKLM\\SOFTWARE\\R{r}"]!["V"]!["data"]!).ToArray();

    [Fact]
    public void AnEndLineWithoutACountIsDamageAndTheCountIsShownUnknownNotZero()
    {
        var (runId, journal, _) = AppliedRun();
        var lines = File.ReadAllLines(journal);
        var end = JObject.Parse(lines[^1]);
        ((JObject)end["summary"]!).Remove("changed");
        lines[^1] = end.ToString(Newtonsoft.Json.Formatting.None);
        File.WriteAllText(journal, string.Join("\n", lines) + "\n");

        var row = RunsListing.Rows(CliRun.Run(State, "runs").Out).Single();

        Assert.StartsWith(runId, row, StringComparison.Ordinal);
        Assert.EndsWith($"  K1  DAMAGED: line {Lines} is the end line but its summary has no count of \"changed\", so the run's counts are not known; "
            + "3 resources: 0 compliant, 0 drifted, ? changed, 0 manual, 0 failed, 0 skipped", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryLine))]
    public void AJournalDamagedAtAnyLineIsShownDamagedAndUndoRefusesItWithoutForce(int line)
    {
        var (runId, journal, snapshot) = AppliedRun();
        var lines = File.ReadAllLines(journal);
        lines[line - 1] = lines[line - 1][..(lines[line - 1].Length / 2)]; // cut in the middle, the line break kept
        File.WriteAllText(journal, string.Join("\n", lines) + "\n");
        var before = File.ReadAllBytes(snapshot);

        var listing = CliRun.Run(State, "runs").Out;
        var undo = CliRun.Run(State, "undo", runId, "--snapshot", snapshot);

        Assert.Equal(1, undo.Exit);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
        if (line == 1)
        {
            const string Problem = "line 1, the start line, is not valid JSON, so the journal does not say which run, host or baseline it records";
            Assert.Equal([$"{runId}  DAMAGED: {Problem}"], RunsListing.Rows(listing));
            Assert.Equal($"error: {journal}: run {runId} cannot be undone: {Problem}; nothing was undone.", undo.Err.Trim());
            Assert.Equal(1, CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--force").Exit);
            return;
        }

        var state = line == Lines ? "INTERRUPTED" : "3 resources: 0 compliant, 0 drifted, 3 changed, 0 manual, 0 failed, 0 skipped";
        Assert.EndsWith($"  K1  DAMAGED: line {line} is not valid JSON; {state}", RunsListing.Rows(listing).Single(), StringComparison.Ordinal);
        Assert.Equal(
            $"error: {journal}: run {runId}'s journal is damaged (line {line} is not valid JSON), so undo cannot know everything the run changed, and nothing was undone; "
            + $"pass --force to take back what the readable lines record (whatever line {line} recorded cannot be taken back).",
            undo.Err.Trim());

        var forced = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--force");

        // A damaged "before" line (2, 4, 6) took its resource's undo with it: that one stays as the run set it.
        var lost = line is 2 or 4 or 6 ? (line / 2) : 0;
        Assert.True(forced.Exit == 0, forced.Out + forced.Err);
        Assert.Equal(Enumerable.Range(1, Resources).Select(r => r == lost ? 2 : 1).ToArray(), Values(snapshot));
    }

    [Fact]
    public void ALastLineCutOffWithoutItsLineBreakIsTheWriteTheRunDiedInNotDamage()
    {
        var (runId, journal, snapshot) = AppliedRun();
        var text = File.ReadAllText(journal);
        File.WriteAllText(journal, text[..(text.TrimEnd('\n').LastIndexOf('\n') + 10)]);

        Assert.EndsWith("  K1  INTERRUPTED", RunsListing.Rows(CliRun.Run(State, "runs").Out).Single(), StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Run(State, "undo", runId, "--snapshot", snapshot).Exit);
        Assert.Equal([1, 1, 1], Values(snapshot));
    }

    [Theory]
    [InlineData("empty", "", "the journal is empty (the run died before it wrote its start line)")]
    [InlineData("another version", """{"event":"start","journalVersion":2,"runId":"R","time":"t","command":"apply","baseline":"b","host":"K1"}""" + "\n", "the journal is of format version 2, written by another build; this build reads version 1")]
    [InlineData("a start line without its host", """{"event":"start","runId":"R","time":"t","command":"apply","baseline":"b"}""" + "\n", "line 1, the start line, has no \"host\"")]
    [InlineData("not a journal", """{"hello":"world"}""" + "\n", "line 1 is not the start line, so the journal does not say which run, host or baseline it records")]
    public void AJournalWithNothingUsableIsShownDamagedAndCannotBeUndone(string name, string content, string problem)
    {
        Assert.NotEmpty(name);
        var runs = Directory.CreateDirectory(Path.Combine(State, "runs")).FullName;
        var journal = Path.Combine(runs, "20261122T010000Z-dead.jsonl");
        File.WriteAllText(journal, content);
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(1, 0));

        var listing = CliRun.Run(State, "runs");
        var undo = CliRun.Run(State, "undo", "20261122T010000Z-dead", "--snapshot", snapshot, "--force");

        Assert.Equal(0, listing.Exit);
        Assert.Equal([$"20261122T010000Z-dead  DAMAGED: {problem}"], RunsListing.Rows(listing.Out));
        Assert.Equal(1, undo.Exit);
        Assert.Equal($"error: {journal}: run 20261122T010000Z-dead cannot be undone: {problem}; nothing was undone.", undo.Err.Trim());
    }

    [Fact]
    public void AJournalWithOnlyItsStartLineIsAnInterruptedRunThatChangedNothing()
    {
        var runs = Directory.CreateDirectory(Path.Combine(State, "runs")).FullName;
        File.WriteAllText(Path.Combine(runs, "20261122T010000Z-dead.jsonl"),
            """{"event":"start","journalVersion":1,"runId":"20261122T010000Z-dead","time":"2026-11-22T01:00:00.000Z","command":"apply","baseline":"b","host":"K1","processId":1}""" + "\n");
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(1, 0));

        Assert.Equal(["20261122T010000Z-dead  2026-11-22T01:00:00.000Z  apply  b  K1  INTERRUPTED"], RunsListing.Rows(CliRun.Run(State, "runs").Out));
        var undo = CliRun.Run(State, "undo", "20261122T010000Z-dead", "--snapshot", snapshot, "--detailed-exitcodes");
        Assert.True(undo.Exit == 0, undo.Out + undo.Err);
    }

    [Theory]
    [InlineData("a file")]
    [InlineData("below a file")]
    public void AStateDirectoryThatCannotHoldAJournalIsOneSentenceExitOneAndNothingChanged(string what)
    {
        var file = _folder.Write("not-a-folder", "x");
        var state = what == "a file" ? file : Path.Combine(file, "state");
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(1, 0));
        var baseline = _folder.Write("b.json", KillAnywhereTests.Baseline(1));
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, error) = CliRun.Run(state, "apply", baseline, "--snapshot", snapshot);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(what == "a file"
            ? $"error: the state directory {state} is a file, not a folder, so no journal or lock can be kept there and nothing was done; pass --state-dir to a folder."
            : $"error: the state directory {state} cannot hold the journal and lock (Could not find a part of the path '{state}'), so nothing was done; pass --state-dir to a writable folder.",
            error.Trim());
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [UnprivilegedLinuxFact]
    public void AReadOnlyStateDirectoryIsOneSentenceExitOneAndNothingChanged()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // skipped by the attribute; this tells the platform analyzer too
        }

        var state = Directory.CreateDirectory(_folder.Combine("read-only-state")).FullName;
        File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(1, 0));
        var before = File.ReadAllBytes(snapshot);
        try
        {
            var (exit, _, error) = CliRun.Run(state, "apply", _folder.Write("b.json", KillAnywhereTests.Baseline(1)), "--snapshot", snapshot);

            Assert.Equal(1, exit);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"error: the state directory {state} cannot hold the journal and lock (", error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(snapshot));
        }
        finally
        {
            File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
