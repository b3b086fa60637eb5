using BackupReconciler.Cli;
using BackupReconciler.Cli.WindowsEvents;
using BackupReconciler.Engine;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Serilog.Events;
using Serilog.Parsing;

namespace BackupReconciler.Tests.Cli.WindowsEvents;

/// <summary>
/// What applying runs write to the Windows event log, through the CLI with a collecting writer in place of
/// the Windows one: ids, entry types, replacement strings in their documented order, secrets masked, and a
/// writer that fails never failing the run.
/// </summary>
public sealed class RunEventTests : IDisposable
{
    private const string Canary = "Canary-EvtL0g-\"q\"";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Baseline() => _folder.Write("b.json", """
        { "name": "secrets",
          "resources": [
            { "id": "written", "type": "registry",
              "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "values": { "ApiToken": { "kind": "string", "data": "${Token}" } } } },
            { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } },
            { "id": "failing", "type": "service", "properties": { "name": "svc-${Token}", "startType": "manual" } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Vendor": { "ApiToken": { "kind": "string", "data": "old" } } },
          "services": { "VSS": { "startType": "manual", "state": "stopped" } } }
        """);

    private (int Exit, string Out, string Err) Run(IEventLogWriter writer, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System) { EventLogWriter = writer }.Run([.. args, "--state-dir", State]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private (int Exit, string Out, string Err) Apply(IEventLogWriter writer, string baseline, string snapshot, params string[] more) =>
        Run(writer, ["apply", baseline, "--snapshot", snapshot, "--var-secret", "Token=" + Canary, "--output", "json", .. more]);

    [Fact]
    public void AnApplyWritesOneEventPerChangeAndFailureThenItsSummaryInTheDocumentedOrder()
    {
        var events = new CollectingEventLog();

        var (_, output, _) = Apply(events, Baseline(), Snapshot());

        var runId = (string)JObject.Parse(output)["runId"]!;
        Assert.Equal([RunEvents.ChangeMade, RunEvents.ChangeMade, RunEvents.ChangeFailed, RunEvents.RunFailed], events.Written.Select(e => e.EventId));
        Assert.Equal([EventLogLevel.Information, EventLogLevel.Information, EventLogLevel.Error, EventLogLevel.Error], events.Written.Select(e => e.Level));
        var vss = events.Written[1];
        Assert.Equal(
            [$"Setting changed by run {runId} (apply secrets) on H: vss (service) startType manual -> automatic.", runId, "apply", "secrets", "H", "vss", "service", "startType manual -> automatic"],
            vss.Properties);
        var summary = events.Written[^1];
        Assert.Equal([runId, "apply", "secrets", "H", "2", "1", "0", "0", "3", "0"], summary.Properties.Skip(1).Take(10));
        Assert.StartsWith($"Run failed: run {runId} (apply secrets) on H: 2 changed, 1 failed, 0 manual, 0 compliant of 3 resources; 0 restarts failed; ", summary.Message, StringComparison.Ordinal);
        Assert.Equal(14, summary.Properties.Count);
        var failed = events.Written[2];
        Assert.Equal(["failing", "service"], failed.Properties.Skip(5).Take(2));
    }

    [Fact]
    public void AFailureEventSaysWhetherAChangeOrAReadFailedAsTheEngineRecordedIt()
    {
        var baseline = _folder.Write("two.json", """
            { "name": "two", "resources": [
                { "id": "unread", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } },
                { "id": "unchanged", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "values": { "V": { "kind": "dword", "data": 2 } } } } ] }
            """);
        var snapshot = _folder.Write("faulty.json", """
            { "computerName": "H", "services": { "VSS": { "startType": "manual", "state": "stopped" } },
              "faults": [ { "operation": "read", "target": "service:VSS" }, { "operation": "set", "target": "registry:HKLM\\SOFTWARE\\Vendor" } ] }
            """);
        var events = new CollectingEventLog();

        Run(events, "apply", baseline, "--snapshot", snapshot);

        var failures = events.Written.Where(e => e.EventId == RunEvents.ChangeFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Reading a resource failed in run ", failures[0].Message, StringComparison.Ordinal);
        Assert.Equal(["unread", "could not read: Access is denied."], [failures[0].Properties[5], failures[0].Properties[7]]);
        Assert.StartsWith("Change failed in run ", failures[1].Message, StringComparison.Ordinal);
        Assert.Equal(["unchanged", "could not apply: Access is denied."], [failures[1].Properties[5], failures[1].Properties[7]]);
    }

    [Fact]
    public void TheSecretCanaryReachesNoEventAndItsMaskDoes()
    {
        var events = new CollectingEventLog();

        Apply(events, Baseline(), Snapshot(), "--verbose");

        var all = events.Written.SelectMany(e => e.Properties).ToList();
        Assert.DoesNotContain(all, p => p.Contains("Canary", StringComparison.Ordinal));
        Assert.Contains(all, p => p.Contains("ApiToken old -> ***", StringComparison.Ordinal));
        Assert.Contains(all, p => p.Contains("svc-***", StringComparison.Ordinal));
    }

    [Fact]
    public void ASecondApplyWithNothingToChangeWritesOnlyItsSummary()
    {
        var baseline = _folder.Write("vss.json", """{ "name": "vss", "resources": [ { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } } ] }""");
        var snapshot = Snapshot();
        Apply(new CollectingEventLog(), baseline, snapshot);
        var events = new CollectingEventLog();

        Apply(events, baseline, snapshot);

        var only = Assert.Single(events.Written);
        Assert.Equal(RunEvents.NothingToChange, only.EventId);
        Assert.Equal(EventLogLevel.Information, only.Level);
        Assert.StartsWith("Nothing to change: run ", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apply", "--what-if")]
    [InlineData("plan", null)]
    [InlineData("test", null)]
    public void RunsThatChangeNothingWriteNoEvent(string verb, string? option)
    {
        var events = new CollectingEventLog();

        Run(events, [verb, Baseline(), "--snapshot", Snapshot(), "--var-secret", "Token=" + Canary, .. option is null ? Array.Empty<string>() : [option]]);

        Assert.Empty(events.Written);
    }

    [Fact]
    public void AnUndoWritesItsEventsAsAnUndo()
    {
        var baseline = _folder.Write("vss.json", """{ "name": "vss", "resources": [ { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } } ] }""");
        var snapshot = Snapshot();
        var runId = (string)JObject.Parse(Apply(new CollectingEventLog(), baseline, snapshot).Out)["runId"]!;
        var events = new CollectingEventLog();

        Run(events, "undo", runId, "--snapshot", snapshot);

        Assert.Equal([RunEvents.ChangeMade, RunEvents.DriftCorrected], events.Written.Select(e => e.EventId));
        Assert.Equal(["undo", $"run {runId}", "undo-vss", "startType automatic -> manual"], events.Written[0].Properties.Skip(2).Take(2).Append(events.Written[0].Properties[5]).Append(events.Written[0].Properties[7]));
    }

    [Fact]
    public void AnUndoStepRefusedBecauseTheValueMovedIsNeitherAReadNorAChangeFailure()
    {
        var baseline = _folder.Write("vss.json", """{ "name": "vss", "resources": [ { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } } ] }""");
        var snapshot = Snapshot();
        var runId = (string)JObject.Parse(Apply(new CollectingEventLog(), baseline, snapshot).Out)["runId"]!;
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("\"automatic\"", "\"disabled\"", StringComparison.Ordinal));
        var events = new CollectingEventLog();

        var (exit, _, _) = Run(events, "undo", runId, "--snapshot", snapshot);

        Assert.Equal(4, exit);
        var refused = events.Written.Single(e => e.EventId == RunEvents.ChangeFailed);
        Assert.StartsWith("A resource was left unchanged, its precondition not met in run ", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith($"not undone: changed since run {runId}: startType is disabled now, the run set automatic", (string)refused.Properties[7], StringComparison.Ordinal);
    }

    [Fact]
    public void AWriterThatFailsIsOneWarningAndTheRunGoesOnWithItsOwnExitCode()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var failing = new FailingEventLog();

        var (exit, output, err) = Apply(failing, baseline, snapshot);

        Assert.Equal(4, exit);
        Assert.Equal(2, (int)JObject.Parse(output)["summary"]!["changed"]!);
        Assert.Equal(1, failing.Attempts);
        var warning = Assert.Single(err.Split('\n'), l => l.Contains("event log", StringComparison.Ordinal));
        Assert.Equal("warning: the Windows event log was not written (The source BackupReconciler is not registered, and only an administrator may register it); "
            + "the event source BackupReconciler must be registered in the Application log by an administrator (schedule install does it); the run goes on without events", warning);
    }

    [Fact]
    public void RunEventsStayOffStandardErrorEvenWhenVerbose()
    {
        var (_, _, err) = Apply(new CollectingEventLog(), Baseline(), Snapshot(), "--verbose");

        Assert.DoesNotContain("Setting changed by run", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Run failed: run", err, StringComparison.Ordinal);
    }

    private static RunResult Result(bool restartFailed = false, params ResourceStatus[] statuses) => new(
        "watch", "20261207T120000Z-abcd", false, "dpm-server", "DPM01", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1250),
        statuses.Select((s, i) => new ResourceResult($"r{i}", "registry", s, null, null, [TestDifference.Of("Value", 1, 2)], s == ResourceStatus.Failed ? "Access is denied." : null)).ToList(),
        restartFailed ? [new RestartResult("DPMRA", RestartStatus.Failed, "r0", "timed out")] : [new RestartResult("DPMRA", RestartStatus.Restarted, "r0", null)],
        []);

    [Theory]
    [InlineData(RunEvents.NothingToChange, false, false, ResourceStatus.Compliant)]
    [InlineData(RunEvents.DriftCorrected, false, false, ResourceStatus.Changed, ResourceStatus.Manual)]
    [InlineData(RunEvents.ManualStepsLeft, false, false, ResourceStatus.Manual, ResourceStatus.Compliant)]
    [InlineData(RunEvents.RunStopped, true, false, ResourceStatus.Changed, ResourceStatus.Skipped)]
    [InlineData(RunEvents.RunFailed, true, false, ResourceStatus.Failed, ResourceStatus.Changed)]
    [InlineData(RunEvents.RunFailed, false, true, ResourceStatus.Changed)]
    public void TheSummaryIdSaysTheWorstThatHappened(int expected, bool stopped, bool restartFailed, params ResourceStatus[] statuses)
    {
        var summary = RunEvents.Of(Result(restartFailed, statuses), stopped)[^1];

        Assert.Equal(expected, summary.Id);
        Assert.Equal(expected is RunEvents.RunFailed ? LogEventLevel.Error : expected is RunEvents.RunStopped or RunEvents.ManualStepsLeft ? LogEventLevel.Warning : LogEventLevel.Information, summary.Level);
        Assert.Equal("1.25", summary.Values[10]);
    }

    [Theory]
    [InlineData(true, ResourceStatus.Changed, ResourceStatus.Skipped, ResourceStatus.Skipped)]
    [InlineData(false, ResourceStatus.Changed, ResourceStatus.NotUndoable, ResourceStatus.Failed, ResourceStatus.Skipped)]
    public void TheSummaryCountsAddUpToItsTotal(bool stopped, params ResourceStatus[] statuses)
    {
        var values = RunEvents.Of(Result(false, statuses), stopped)[^1].Values;

        // %6 changed, %7 failed, %8 manual, %9 compliant, %10 total, then after restarts and seconds %13 skipped, %14 not undoable.
        var counted = new[] { 4, 5, 6, 7, 11, 12 }.Sum(i => (int)values[i]);
        Assert.Equal((statuses.Length, statuses.Length), (counted, (int)values[8]));
        Assert.Equal((statuses.Count(s => s == ResourceStatus.Skipped), statuses.Count(s => s == ResourceStatus.NotUndoable)), ((int)values[11], (int)values[12]));
    }

    [Fact]
    public void RestartsAreEventsOfTheirOwn()
    {
        var restarted = RunEvents.Of(Result(false, ResourceStatus.Changed), stopped: false);
        var failed = RunEvents.Of(Result(true, ResourceStatus.Changed), stopped: false);

        Assert.Equal([RunEvents.ChangeMade, RunEvents.ServiceRestarted, RunEvents.DriftCorrected], restarted.Select(e => e.Id));
        Assert.Equal([RunEvents.ChangeMade, RunEvents.RestartFailed, RunEvents.RunFailed], failed.Select(e => e.Id));
        Assert.Equal(["20261207T120000Z-abcd", "watch", "dpm-server", "DPM01", "DPMRA", "timed out"], failed[1].Values);
    }

    private static LogEvent Event(LogEventLevel level, string template, params (string Name, object? Value)[] properties) =>
        new(DateTimeOffset.UnixEpoch, level, null, new MessageTemplateParser().Parse(template), properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    [Fact]
    public void ALogEventWithoutAnEventIdIsNotForTheEventLog()
    {
        Assert.Null(EventLogMapping.Map(Event(LogEventLevel.Error, "Unexpected failure {Problem}", ("Problem", "x"))));
    }

    [Fact]
    public void TheMappingPutsTheMessageFirstThenTheTemplatesValuesInOrderAsPlainInvariantText()
    {
        var entry = EventLogMapping.Map(Event(LogEventLevel.Warning, "B {Second} then A {First} then B again {Second}; {Number}",
            (RunEvents.EventIdProperty, 1003), ("First", "a \"quoted\" text"), ("Second", 2.5), ("Number", 1234567)))!;

        Assert.Equal(1003, entry.EventId);
        Assert.Equal(EventLogLevel.Warning, entry.Level);
        Assert.Equal(["B 2.5 then A a \"quoted\" text then B again 2.5; 1234567", "2.5", "a \"quoted\" text", "1234567"], entry.Properties);
    }

    [Fact]
    public void AHugeValueIsCutToWhatTheEventLogTakes()
    {
        var entry = EventLogMapping.Map(Event(LogEventLevel.Error, "{Error}", (RunEvents.EventIdProperty, 1200), ("Error", new string('x', 40000))))!;

        Assert.All(entry.Properties, p => Assert.Equal(EventLogMapping.MaxPropertyLength, p.Length));
        Assert.EndsWith("...", entry.Properties[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmeDocumentsEveryEventIdAndNoOther()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var section = readme[readme.IndexOf("## Windows event log", StringComparison.Ordinal)..];
        var documented = System.Text.RegularExpressions.Regex.Matches(section, @"^\| (\d{4}) \| (Information|Warning|Error) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var ids = typeof(RunEvents).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!);

        Assert.Equal(ids.Order(), documented.Order());
    }

    /// <summary>Keeps what would have been written to the event log.</summary>
    private sealed class CollectingEventLog : IEventLogWriter
    {
        public List<EventLogMessage> Written { get; } = [];

        public void Write(EventLogMessage message) => Written.Add(message);
    }

    /// <summary>Fails as WriteEvent does for a process that may not register the source.</summary>
    private sealed class FailingEventLog : IEventLogWriter
    {
        public int Attempts { get; private set; }

        public void Write(EventLogMessage message)
        {
            Attempts++;
            throw new System.Security.SecurityException("The source BackupReconciler is not registered, and only an administrator may register it.");
        }
    }
}
