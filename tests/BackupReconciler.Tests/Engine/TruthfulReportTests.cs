using System.Xml.Linq;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Engine;

/// <summary>What every report says is exactly what apply did, or would do: per difference, per status, per count.</summary>
public sealed class TruthfulReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private (string Baseline, string Snapshot) Task(bool enabled, string runAs) => (
        _folder.Write("task.json", """
            { "name": "task", "resources": [ { "id": "task", "type": "scheduledTask", "properties": {
              "path": "\\Microsoft\\OnlineBackup\\", "name": "Microsoft-OnlineBackup", "enabled": true, "runAs": ["SYSTEM"] } } ] }
            """),
        _folder.Write("task-host.json", $$"""
            { "computerName": "MARS01", "scheduledTasks": { "\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup": { "enabled": {{(enabled ? "true" : "false")}}, "runAs": "{{runAs.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } } }
            """));

    [Fact]
    public void AScheduledTaskWithOnlyAWrongAccountIsManualInEveryReportAndApplyChangesNothing()
    {
        var (baseline, snapshot) = Task(enabled: true, runAs: @"CONTOSO\backupadmin");
        var before = File.ReadAllBytes(snapshot);

        var json = JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var junit = XDocument.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "junit").Out);

        var task = json["resources"]!.Single();
        Assert.Equal("manual", (string)task["status"]!);
        Assert.Equal("manual", (string)task["differences"]!.Single()["action"]!);
        Assert.Equal(0, (int)json["summary"]!["changed"]!);
        Assert.NotNull(junit.Descendants("testcase").Single().Element("failure"));
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void ATaskThatIsChangedWhileItsAccountStaysWrongIsChangedWithTheAccountMarkedManualAndItsCaseFails()
    {
        var (baseline, snapshot) = Task(enabled: false, runAs: @"CONTOSO\backupadmin");

        var json = JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);
        Task(enabled: false, runAs: @"CONTOSO\backupadmin");
        var text = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot).Out;
        Task(enabled: false, runAs: @"CONTOSO\backupadmin");
        var junit = XDocument.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "junit").Out);
        var next = CliRun.Run(State, "test", baseline, "--snapshot", snapshot);

        var task = json["resources"]!.Single();
        Assert.Equal("changed", (string)task["status"]!);
        var actions = task["differences"]!.ToDictionary(d => (string)d["property"]!, d => (string)d["action"]!);
        Assert.Equal(new Dictionary<string, string> { ["enabled"] = "change", ["runAs"] = "manual" }, actions);
        Assert.StartsWith("set the account in Task Scheduler", (string)task["differences"]!.Single(d => (string)d["property"]! == "runAs")["reason"]!, StringComparison.Ordinal);
        Assert.Matches(@"\n      ! runAs: +CONTOSO\\backupadmin; wanted: SYSTEM  \[manual\]\n", text);
        Assert.Equal("changed, manual steps remain", (string)junit.Descendants("failure").Single().Attribute("message")!);
        Assert.Equal("1", (string)junit.Descendants("testsuite").Single().Attribute("failures")!);
        Assert.Equal(2, next.Exit); // the account is still wrong, and test says so
    }

    [Fact]
    public void PlanMarksAChangeThatUndoCannotTakeBackInJsonAndText()
    {
        var baseline = _folder.Write("av.json", """
            { "name": "av", "resources": [ { "id": "av", "type": "antivirusExclusion", "properties": { "paths": ["C:\\Scratch"] } } ] }
            """);
        var snapshot = _folder.Write("av-host.json", """
            { "computerName": "MARS01", "antivirus": { "exclusionPaths": [], "exclusionProcesses": [], "exclusionExtensions": [] } }
            """);

        var json = JObject.Parse(CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var text = CliRun.Run(State, "plan", baseline, "--snapshot", snapshot).Out;

        var difference = json["resources"]!.Single()["differences"]!.Single();
        Assert.Equal("change", (string)difference["action"]!);
        Assert.False((bool)difference["undoable"]!);
        Assert.Equal("exclusions are only ever added, never removed by this tool; remove them in Defender by hand", (string)difference["undoReason"]!);
        Assert.Contains("[not undoable: exclusions are only ever added", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanAlreadyKnowsThatUndoCannotWriteBackAPreviousValueHoldingASecret()
    {
        var baseline = _folder.Write("secret.json", """
            { "name": "secret", "parameters": { "Token": { "type": "string", "secret": true } }, "resources": [
              { "id": "r", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "T": { "kind": "string", "data": "${Token}" } } } } ] }
            """);
        var snapshot = _folder.Write("secret-host.json", """
            { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "T": { "kind": "string", "data": "old-s3cr3t-value" } } } }
            """);

        var plan = CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json", "--var-secret", "Token=s3cr3t-value");
        Assert.True(plan.Exit == 2, plan.Err);

        var difference = JObject.Parse(plan.Out)["resources"]!.Single()["differences"]!.Single();
        Assert.False((bool)difference["undoable"]!);
        Assert.Equal("the previous value holds a secret, which the journal does not keep; set it back by hand", (string)difference["undoReason"]!);
        Assert.DoesNotContain("s3cr3t-value", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeUndoCanTakeBackIsMarkedUndoable()
    {
        var baseline = _folder.Write("svc.json", """{ "name": "svc", "resources": [ { "id": "s", "type": "service", "properties": { "name": "OBEngine", "startType": "automatic" } } ] }""");
        var snapshot = _folder.Write("svc-host.json", """{ "computerName": "MARS01", "services": { "obengine": { "startType": "manual", "state": "stopped" } } }""");

        var json = JObject.Parse(CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);

        var difference = json["resources"]!.Single()["differences"]!.Single();
        Assert.True((bool)difference["undoable"]!);
        Assert.Null(difference["undoReason"]);
    }

    [Fact]
    public void StoppingAServiceWhileItsDependentsRunIsAPredictedFailureThatApplyThenHas()
    {
        var baseline = _folder.Write("stop.json", """{ "name": "stop", "resources": [ { "id": "s", "type": "service", "properties": { "name": "A", "state": "stopped" } } ] }""");
        var snapshot = _folder.Write("stop-host.json", """
            { "computerName": "H", "services": { "A": { "startType": "manual", "state": "running" }, "B": { "startType": "manual", "state": "running", "dependsOn": ["A"] } } }
            """);

        var plan = CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json");
        var apply = JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);

        var planned = JObject.Parse(plan.Out)["resources"]!.Single();
        Assert.Equal(6, plan.Exit);
        Assert.Equal("predictedFailure", (string)planned["status"]!);
        Assert.Contains("services that depend on \"A\" are running (B)", (string)planned["error"]!, StringComparison.Ordinal);
        Assert.Equal("failed", (string)apply["resources"]!.Single()["status"]!);
    }

    [Fact]
    public void StartingADisabledServiceOrOneWithADisabledDependencyIsAPredictedFailure()
    {
        var baseline = _folder.Write("start.json", """
            { "name": "start", "resources": [
              { "id": "a", "type": "service", "properties": { "name": "A", "state": "running" } },
              { "id": "c", "type": "service", "properties": { "name": "C", "state": "running" } },
              { "id": "d", "type": "service", "properties": { "name": "D", "state": "running", "startType": "manual" } } ] }
            """);
        var snapshot = _folder.Write("start-host.json", """
            { "computerName": "H", "services": {
              "A": { "startType": "disabled", "state": "stopped" },
              "B": { "startType": "disabled", "state": "stopped" },
              "C": { "startType": "manual", "state": "stopped", "dependsOn": ["B"] },
              "D": { "startType": "disabled", "state": "stopped" } } }
            """);

        var plan = JObject.Parse(CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var apply = JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);

        string Status(JObject report, string id) => (string)report["resources"]!.Single(r => (string)r["id"]! == id)["status"]!;
        Assert.Equal(("predictedFailure", "failed"), (Status(plan, "a"), Status(apply, "a")));
        Assert.Equal(("predictedFailure", "failed"), (Status(plan, "c"), Status(apply, "c")));
        Assert.Equal(("drifted", "changed"), (Status(plan, "d"), Status(apply, "d"))); // its own start type is changed first
        Assert.Equal(2, (int)plan["summary"]!["predictedFailure"]!);
    }

    [Fact]
    public void ADependentOfAPredictedFailureIsPlannedAsSkippedAsApplyWillSkipIt()
    {
        var baseline = _folder.Write("dep.json", """
            { "name": "dep", "resources": [
              { "id": "a", "type": "service", "properties": { "name": "A", "state": "running" } },
              { "id": "b", "type": "service", "dependsOn": ["a"], "properties": { "name": "B", "startType": "automatic" } } ] }
            """);
        var snapshot = _folder.Write("dep-host.json", """
            { "computerName": "H", "services": { "A": { "startType": "disabled", "state": "stopped" }, "B": { "startType": "manual", "state": "stopped" } } }
            """);

        var plan = JObject.Parse(CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var apply = JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);

        var planned = plan["resources"]!.Single(r => (string)r["id"]! == "b");
        Assert.Equal("skipped", (string)planned["status"]!);
        Assert.Equal("skipped because \"a\" is predicted to fail", (string)planned["error"]!);
        Assert.Equal("skipped", (string)apply["resources"]!.Single(r => (string)r["id"]! == "b")["status"]!);
    }
}
