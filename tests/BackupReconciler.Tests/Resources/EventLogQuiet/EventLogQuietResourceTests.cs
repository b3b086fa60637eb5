using BackupReconciler.Baselines;
using BackupReconciler.Cli;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Tests.Resources;

public sealed class EventLogQuietResourceTests
{
    /// <summary>
    /// Seed 000: SQL Server Agent logged event 208 (a DPM job failed) three times in the 24 hours before the
    /// capture, once before that; beside events of other IDs, sources and logs.
    /// </summary>
    private static JObject Host(bool captured = true)
    {
        var host = JObject.Parse("""
            { "events": [
                { "log": "Application", "source": "SQLAgent$MSDPM2012", "id": 208, "time": "2026-11-21T08:00:00Z", "message": "SQL Server Scheduled Job '00890b12' - Status: Failed" },
                { "log": "Application", "source": "SQLAgent$MSDPM2012", "id": 208, "time": "2026-11-20T12:00:00Z", "message": "SQL Server Scheduled Job '1bd3' - Status: Failed" },
                { "log": "application", "source": "sqlagent$msdpm2012", "id": 208, "time": "2026-11-20T10:30:00+01:00" },
                { "log": "Application", "source": "SQLAgent$MSDPM2012", "id": 208, "time": "2026-11-20T08:59:00Z", "message": "older than a day" },
                { "log": "Application", "source": "SQLAgent$MSDPM2012", "id": 207, "time": "2026-11-21T07:00:00Z", "message": "another id" },
                { "log": "Application", "source": "MSDPM", "id": 208, "time": "2026-11-21T07:00:00Z", "message": "another source" },
                { "log": "System", "source": "SQLAgent$MSDPM2012", "id": 208, "time": "2026-11-21T07:00:00Z", "message": "another log" } ] }
            """);
        if (captured)
        {
            host["capturedAt"] = "2026-11-21T09:00:00Z";
        }

        return host;
    }

    private static JArray Quiet(string within = "24h", string ids = "[208]") => JArray.Parse($$"""
        [ { "id": "agent-quiet", "type": "eventLogQuiet",
            "properties": { "source": "SQLAgent$MSDPM2012", "eventIds": {{ids}}, "within": "{{within}}" } } ]
        """);

    [Fact]
    public void RecentEventsAreOneManualDifferenceWithTheirCountAndTheNewestTime()
    {
        using var scenario = new Scenario(Quiet(), Host());

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Manual, plan.StatusOf("agent-quiet"));
        Assert.Equal(["events: 3 events 208 from SQLAgent$MSDPM2012 in the last 24h, newest 2026-11-21T08:00:00Z → none"], plan.DifferencesOf("agent-quiet"));
        Assert.Equal(2, ExitCodes.Detailed(plan));
    }

    [Fact]
    public void ApplyChangesNothingEvenInEnforceModeAndTellsThePersonWhatToDo()
    {
        using var scenario = new Scenario(Quiet(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var first = scenario.Apply();
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, first.StatusOf("agent-quiet"));
        Assert.Equal(ResourceStatus.Manual, second.StatusOf("agent-quiet"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal(
            "events is 3 events 208 from SQLAgent$MSDPM2012 in the last 24h, newest 2026-11-21T08:00:00Z, the baseline wants none; "
            + "read them in Event Viewer (Application log, source SQLAgent$MSDPM2012) and fix their cause; this check only reports, it changes nothing",
            Assert.Single(first.ManualSteps).Step);
        Assert.Equal(2, ExitCodes.Detailed(first));
    }

    [Theory]
    [InlineData("1h30m", "1 event 208 from SQLAgent$MSDPM2012 in the last 1h30m, newest 2026-11-21T08:00:00Z")]
    [InlineData("7d", "4 events 208 from SQLAgent$MSDPM2012 in the last 7d, newest 2026-11-21T08:00:00Z")]
    public void EventsOutsideTheWindowAreIgnored(string within, string found)
    {
        using var scenario = new Scenario(Quiet(within), Host());

        Assert.Equal([$"events: {found} → none"], scenario.Plan().DifferencesOf("agent-quiet"));
    }

    [Fact]
    public void AWindowWithoutMatchingEventsIsCompliant()
    {
        using var scenario = new Scenario(Quiet("30m"), Host());

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Compliant, run.StatusOf("agent-quiet"));
        Assert.Equal(0, ExitCodes.Detailed(run));
    }

    [Fact]
    public void OnlyTheDeclaredIdsSourceAndLogCount()
    {
        var resources = JArray.Parse("""
            [ { "id": "ids", "type": "eventLogQuiet", "properties": { "source": "SQLAgent$MSDPM2012", "eventIds": [207, 208], "within": "3h" } },
              { "id": "system", "type": "eventLogQuiet", "properties": { "log": "System", "source": "SQLAgent$MSDPM2012", "eventIds": [208], "within": "3h" } },
              { "id": "other-id", "type": "eventLogQuiet", "properties": { "source": "MSDPM", "eventIds": [976], "within": "3h" } } ]
            """);
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Plan();

        Assert.Equal(["events: 2 events 207, 208 from SQLAgent$MSDPM2012 in the last 3h, newest 2026-11-21T08:00:00Z → none"], run.DifferencesOf("ids"));
        Assert.Equal(["events: 1 event 208 from SQLAgent$MSDPM2012 in the last 3h, newest 2026-11-21T07:00:00Z → none"], run.DifferencesOf("system"));
        Assert.Equal(ResourceStatus.Compliant, run.StatusOf("other-id"));
    }

    [Fact]
    public void WithoutCapturedAtTheWindowEndsAtTheRunsClock()
    {
        using var folder = new TempFolder();
        var snapshot = Host(captured: false);
        snapshot["computerName"] = "HOST01";
        var snapshotPath = folder.Write("s.json", snapshot.ToString());
        var baselinePath = folder.Write("b.json", new JObject { ["name"] = "t", ["resources"] = Quiet("2h") }.ToString());

        RunResult RunAt(string now)
        {
            var clock = new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
            var host = SnapshotHost.Load(snapshotPath, clock);
            var baseline = new BaselineLoader(ResourceCatalog.Default).Load(baselinePath, VariableInputs.None, host.Facts);
            return new Reconciler(host, new LoggerConfiguration().CreateLogger(), clock).Run(baseline, "plan", whatIf: true);
        }

        Assert.Equal(["events: 1 event 208 from SQLAgent$MSDPM2012 in the last 2h, newest 2026-11-21T08:00:00Z → none"], RunAt("2026-11-21T09:30:00Z").DifferencesOf("agent-quiet"));
        Assert.Equal(ResourceStatus.Compliant, RunAt("2026-11-21T10:30:00Z").StatusOf("agent-quiet"));
    }

    [Fact]
    public void ManualFindingsMakeThePlanCommandExitTwo()
    {
        using var scenario = new Scenario(Quiet(), Host());
        var stdout = new StringWriter();

        var exit = new CliApplication(stdout, new StringWriter(), TimeProvider.System)
            .Run(["plan", scenario.BaselinePath, "--snapshot", scenario.SnapshotPath, "--state-dir", Path.Combine(scenario.Folder, "state")]);

        Assert.Equal(2, exit);
        Assert.Contains("! events: 3 events 208 from SQLAgent$MSDPM2012 in the last 24h, newest 2026-11-21T08:00:00Z; wanted: none  [manual]", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFaultOnOneLogFailsOnlyTheResourceReadingIt()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "read", "target": "eventLog:Application", "message": "The RPC server is unavailable." } ]""");
        var resources = Quiet();
        resources.Add(JObject.Parse("""{ "id": "system", "type": "eventLogQuiet", "properties": { "log": "System", "source": "SQLAgent$MSDPM2012", "eventIds": [208], "within": "24h" } }"""));
        using var scenario = new Scenario(resources, host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("agent-quiet"));
        Assert.Equal("could not read: The RPC server is unavailable.", run.Resource("agent-quiet").Error);
        Assert.Equal(ResourceStatus.Manual, run.StatusOf("system"));
    }

    [Theory]
    [InlineData("1 day", 53)]
    [InlineData("24", 50)]
    [InlineData("0h", 50)]
    [InlineData("1m30h", 53)]
    [InlineData("3651d", 53)]
    [InlineData("-5m", 51)]
    public void AWithinThatIsNotAPositiveDurationIsAnError(string within, int column)
    {
        Assert.Equal(
            $"b.json(2,{column}): \"within\" of resource \"a\" (eventLogQuiet) is \"{within}\"; give a positive duration of at most 3650d in days, hours and minutes, such as \"24h\", \"30m\", \"7d\" or \"1h30m\".",
            BaselineErrors.Of("eventLogQuiet", $$"""{ "source": "S", "eventIds": [208], "within": "{{within}}" }"""));
    }

    [Fact]
    public void AnEventIdOutOfRangeIsAnErrorAtThatId()
    {
        Assert.Equal(
            "b.json(2,40): \"eventIds\" of resource \"a\" (eventLogQuiet) is 70000, outside the range 0 to 65535; use a value in that range.",
            BaselineErrors.Of("eventLogQuiet", """{ "source": "S", "eventIds": [208, 70000], "within": "24h" }"""));
    }

    [Fact]
    public void EmptyEventIdsAreAnError()
    {
        Assert.Equal(
            "b.json(2,30): \"eventIds\" of resource \"a\" (eventLogQuiet) is empty; list at least one event ID, such as [208].",
            BaselineErrors.Of("eventLogQuiet", """{ "source": "S", "eventIds": [], "within": "24h" }"""));
    }

    [Fact]
    public void EventIdsMustBeAnArray()
    {
        Assert.Equal(
            "b.json(2,32): \"eventIds\" of resource \"a\" (eventLogQuiet) must be an array of event IDs, such as [208]; found the number 208.",
            BaselineErrors.Of("eventLogQuiet", """{ "source": "S", "eventIds": 208, "within": "24h" }"""));
    }

    [Fact]
    public void AMissingSourceIsAnErrorAtTheProperties()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (eventLogQuiet) has no \"source\"; add \"source\": \"...\".",
            BaselineErrors.Of("eventLogQuiet", """{ "eventIds": [208], "within": "24h" }"""));
    }

    [Fact]
    public void AnEventTimeWithoutAZoneIsALocatedSnapshotError()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", """
            { "computerName": "H",
              "events": [ { "source": "S", "id": 208, "time": "2026-11-21 08:00:00" } ] }
            """);

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Equal($"{path}(2,71): \"time\" of an event is \"2026-11-21 08:00:00\"; give an ISO 8601 time with its zone, such as \"2026-11-21T08:00:00Z\".", e.Message);
    }

    [Fact]
    public void ACapturedAtWithoutAZoneIsALocatedSnapshotError()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", """{ "computerName": "H", "capturedAt": "2026-11-21T09:00:00" }""");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Equal($"{path}(1,58): \"capturedAt\" of the snapshot is \"2026-11-21T09:00:00\"; give an ISO 8601 time with its zone, such as \"2026-11-21T08:00:00Z\".", e.Message);
    }

    /// <summary>A clock that always says the same moment, so windows measured from the run's clock are deterministic.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
