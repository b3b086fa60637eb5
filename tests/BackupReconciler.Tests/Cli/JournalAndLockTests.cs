using BackupReconciler.Cli;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Input;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

public sealed class JournalAndLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Snapshot()
    {
        return _folder.Write("host.json", """
            { "computerName": "DPM01", "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 1 } } } }
            """);
    }

    private string Baseline() => _folder.Write("b.json", """
        { "name": "journal-test", "resources": [
            { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } },
            { "id": "b", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Y", "values": { "B": { "kind": "string", "data": "new" } } } } ] }
        """);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System).Run([.. args, "--state-dir", State]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void ApplyJournalsEachChangeWithItsPreviousValueBeforeAndItsOutcomeAfter()
    {
        var (_, output, _) = Run("apply", Baseline(), "--snapshot", Snapshot(), "--output", "json");
        var runId = (string)JObject.Parse(output)["runId"]!;

        var lines = File.ReadAllLines(JournalFiles.Find(State, runId)!).Select(JObject.Parse).ToList();

        Assert.Equal(["start", "before", "after", "before", "after", "end"], lines.Select(l => (string)l["event"]!));
        Assert.Equal("a", (string)lines[1]["resource"]!);
        Assert.Equal(1, (int)lines[1]["changes"]![0]!["actual"]!);
        Assert.Equal(2, (int)lines[1]["changes"]![0]!["desired"]!);
        Assert.Equal(JTokenType.Null, lines[3]["changes"]![0]!["actual"]!.Type);
        Assert.Equal("changed", (string)lines[2]["outcome"]!);
    }

    [Fact]
    public void WhatIfRunsWriteNoJournal()
    {
        Run("plan", Baseline(), "--snapshot", Snapshot());
        Run("apply", Baseline(), "--snapshot", Snapshot(), "--what-if");

        Assert.False(Directory.Exists(Path.Combine(State, "runs")));
    }

    [Fact]
    public void AnInterruptedRunIsListedAndReportedByTheNextRun()
    {
        var snapshot = Snapshot();
        Directory.CreateDirectory(Path.Combine(State, "runs"));
        File.WriteAllText(Path.Combine(State, "runs", "20261122T010000Z-dead.jsonl"), """
            {"event":"start","runId":"20261122T010000Z-dead","time":"2026-11-22T01:00:00.000Z","command":"apply","baseline":"journal-test","host":"DPM01","processId":1}
            {"event":"before","resource":"a","type":"registry","changes":[{"property":"A","previous":1,"intended":2}]}
            """);

        var listing = Run("runs").Out;
        var (_, report, error) = Run("apply", Baseline(), "--snapshot", snapshot);

        Assert.Contains("20261122T010000Z-dead  2026-11-22T01:00:00.000Z  apply  journal-test  DPM01  INTERRUPTED while changing \"a\"", RunsListing.Rows(listing));
        Assert.Contains("note: the previous run 20261122T010000Z-dead (apply journal-test, 2026-11-22T01:00:00.000Z) was interrupted while changing \"a\"", report, StringComparison.Ordinal);
        Assert.Contains("was interrupted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondApplyWhileTheLockIsHeldExitsOneNamingTheHolderAndChangesNothing()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);
        using (RunLock.Acquire(State, "DPM01", "apply other.json", TimeSpan.Zero, TimeProvider.System))
        {
            var (exit, _, error) = Run("apply", Baseline(), "--snapshot", snapshot);

            Assert.Equal(1, exit);
            Assert.Matches($@"^error: another run is changing DPM01: process {Environment.ProcessId} \(apply other.json, started [0-9T:Z-]+\) holds the lock in .+; wait for it to finish, or pass --lock-timeout to wait longer\.", error);
            Assert.Equal(before, File.ReadAllBytes(snapshot));
        }

        Assert.Equal(0, Run("apply", Baseline(), "--snapshot", snapshot).Exit);
    }

    [Fact]
    public void AHostNamedInAnotherCaseWaitsForTheSameLock()
    {
        // Host names ignore case; on a file system that does not, the lock must still be one per host.
        using var held = RunLock.Acquire(State, "dpm01", "apply other.json", TimeSpan.Zero, TimeProvider.System);

        var e = Assert.Throws<InputException>(() => RunLock.Acquire(State, "DPM01", "apply mine.json", TimeSpan.Zero, TimeProvider.System));

        Assert.StartsWith("another run is changing DPM01: process ", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanDoesNotNeedTheLock()
    {
        var snapshot = Snapshot();
        using var held = RunLock.Acquire(State, "DPM01", "apply other.json", TimeSpan.Zero, TimeProvider.System);

        Assert.Equal(2, Run("plan", Baseline(), "--snapshot", snapshot).Exit);
    }

    [Fact]
    public void ALockLeftByARunThatDiedIsTakenOverAndReported()
    {
        Directory.CreateDirectory(Path.Combine(State, "locks"));
        File.WriteAllText(Path.Combine(State, "locks", "DPM01.owner.json"), """{"processId":999999,"startedAt":"2026-11-22T01:00:00Z","command":"apply old.json"}""");

        var (exit, report, _) = Run("apply", Baseline(), "--snapshot", Snapshot());

        Assert.Equal(0, exit);
        Assert.Contains("note: took over the lock left by process 999999 (apply old.json, started 2026-11-22T01:00:00Z), which is no longer running", report, StringComparison.Ordinal);
    }
}
