using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

public sealed class UndoTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private const string Environment = @"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment";

    private string Baseline() => _folder.Write("b.json", $$"""
        { "name": "undoable", "resources": [
            { "id": "timeouts", "type": "registry", "restartServices": ["DPMRA"], "properties": { "key": "HKLM\\SOFTWARE\\X", "values": {
                "Changed": { "kind": "dword", "data": 7200 }, "Added": { "kind": "string", "data": "new" }, "Removed": { "ensure": "absent" },
                "KindChanged": { "kind": "dword", "data": 5 } } } },
            { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "manual", "state": "running" } },
            { "id": "psmodulepath", "type": "pathList", "properties": { "variable": "PSModulePath", "contains": ["C:\\Modules"] } },
            { "id": "rpc", "type": "firewallRule", "properties": { "name": "RPC", "enabled": true, "protocol": "tcp", "localPorts": "135,5718" } },
            { "id": "new-rule", "type": "firewallRule", "properties": { "name": "New", "direction": "inbound", "action": "allow", "protocol": "udp", "localPorts": "137" } },
            { "id": "old-rule", "type": "firewallRule", "properties": { "name": "Old", "ensure": "absent" } },
            { "id": "task", "type": "scheduledTask", "properties": { "path": "\\Microsoft\\OnlineBackup\\", "name": "Microsoft-OnlineBackup", "enabled": true } },
            { "id": "wsb", "type": "windowsFeature", "properties": { "name": "Windows-Server-Backup", "installed": true } },
            { "id": "av", "type": "antivirusExclusion", "properties": { "processes": ["CBengine.exe"] } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", $$"""
        { "computerName": "H",
          "registry": {
            "HKLM\\SOFTWARE\\X": { "Changed": { "kind": "dword", "data": 600 }, "Removed": { "kind": "qword", "data": 1 }, "KindChanged": { "kind": "string", "data": "5" } },
            "{{Environment}}": { "PSModulePath": { "kind": "expandString", "data": "%SystemRoot%\\Modules" } } },
          "services": { "VSS": { "startType": "disabled", "state": "stopped" }, "DPMRA": { "startType": "automatic", "state": "running" } },
          "firewallRules": [
            { "name": "RPC", "enabled": false, "direction": "inbound", "action": "allow", "protocol": "tcp", "localPorts": ["135"] },
            { "name": "Old", "enabled": true, "direction": "inbound", "action": "block", "protocol": "tcp", "localPorts": ["23"], "profiles": ["public"] } ],
          "scheduledTasks": { "\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup": { "enabled": false, "runAs": "SYSTEM" } },
          "features": { "Windows-Server-Backup": { "installed": false } },
          "antivirus": { "exclusionPaths": [], "exclusionProcesses": [], "exclusionExtensions": [] } }
        """);

    private string Apply(string baseline, string snapshot) =>
        (string)JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;

    [Fact]
    public void UndoAfterApplyRestoresEveryReversibleChangeAndRefusesTheRest()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var original = HostState.Of(snapshot);
        var runId = Apply(baseline, snapshot);
        var antivirusAfterApply = JObject.Parse(File.ReadAllText(snapshot))["antivirus"]!.DeepClone();

        var (exit, output, _) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json", "--detailed-exitcodes");
        var report = JObject.Parse(output);

        // Everything that can be undone was: a change that cannot be undone by design is its own status, not a failure.
        Assert.Equal(2, exit);
        Assert.Equal("notUndoable", (string)report["resources"]!.Single(r => (string)r["id"]! == "undo-av")["status"]!);
        Assert.Equal(1, (int)report["summary"]!["notUndoable"]!);
        Assert.Equal(0, (int)report["summary"]!["failed"]!);
        Assert.Equal("exclusions are only ever added, never removed by this tool; remove them in Defender by hand",
            (string)report["resources"]!.Single(r => (string)r["id"]! == "undo-av")["error"]!);
        Assert.Equal(8, (int)report["summary"]!["changed"]!);
        Assert.Contains(report["restarts"]!, r => (string)r["service"]! == "DPMRA");
        var undone = HostState.Of(snapshot);
        undone["antivirus"] = original["antivirus"]!.DeepClone();
        Assert.True(JToken.DeepEquals(original, undone), $"expected\n{original}\nafter undo\n{undone}");
        Assert.True(JToken.DeepEquals(antivirusAfterApply, JObject.Parse(File.ReadAllText(snapshot))["antivirus"]));
    }

    [Fact]
    public void ValuesOfKindsOutsideTheSixAreSeenWithTheirKindOverwrittenAndRestoredExactlyByUndo()
    {
        var baseline = _folder.Write("raw.json", """
            { "name": "raw", "resources": [
                { "id": "raw", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Raw", "values": {
                    "None": { "kind": "dword", "data": 1 }, "BigEndian": { "kind": "dword", "data": 7200 },
                    "Link": { "kind": "string", "data": "x" }, "Numbered": { "ensure": "absent" }, "List": { "kind": "binary", "data": "00" } } } } ] }
            """);
        var snapshot = _folder.Write("raw-host.json", """
            { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Raw": {
                "None": { "kind": "none", "data": "" }, "BigEndian": { "kind": "dwordBigEndian", "data": "00001c20" },
                "Link": { "kind": "link", "data": "5c0052006500670069007300740072007900" }, "Numbered": { "kind": "type:4660", "data": "abcd" },
                "List": { "kind": "resourceList", "data": "0100" } } } }
            """);
        var original = File.ReadAllText(snapshot);

        var plan = JObject.Parse(CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var runId = Apply(baseline, snapshot);
        var journal = File.ReadAllText(Directory.GetFiles(Path.Combine(State, "runs"), runId + "*").Single());
        var (exit, _, _) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json");

        Assert.Equal(
            ["None: {\"kind\":\"none\",\"data\":\"\"}", "BigEndian: {\"kind\":\"dwordBigEndian\",\"data\":\"00001c20\"}",
             "Link: {\"kind\":\"link\",\"data\":\"5c0052006500670069007300740072007900\"}", "Numbered: {\"kind\":\"type:4660\",\"data\":\"abcd\"}",
             "List: {\"kind\":\"resourceList\",\"data\":\"0100\"}"],
            plan["resources"]![0]!["differences"]!.Select(d => $"{d["property"]}: {d["actual"]!.ToString(Newtonsoft.Json.Formatting.None)}"));
        Assert.Contains("\"kind\":\"type:4660\"", journal, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.True(JToken.DeepEquals(JObject.Parse(original)["registry"], JObject.Parse(File.ReadAllText(snapshot))["registry"]),
            $"expected\n{original}\nafter undo\n{File.ReadAllText(snapshot)}");
    }

    [Fact]
    public void UndoRefusesAValueThatChangedSinceTheRunUnlessForced()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = Apply(baseline, snapshot);
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("7200", "9000", StringComparison.Ordinal));

        var refused = JObject.Parse(CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json").Out);
        var timeouts = refused["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts");
        var forced = JObject.Parse(CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json", "--force").Out);

        Assert.Equal("failed", (string)timeouts["status"]!);
        Assert.Equal($"not undone: changed since run {runId}: Changed is 9000 now, the run set 7200; undo would overwrite that (pass --force to undo anyway)", (string)timeouts["error"]!);
        Assert.Equal("changed", (string)forced["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts")["status"]!);
        Assert.Equal(600, (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["Changed"]!["data"]!);
    }

    [Fact]
    public void UndoWhatIfWithARefusedStepCountsExactlyItsLinesAndNeverSaysTheRefusedStepCouldNotBeRead()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = Apply(baseline, snapshot);
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("7200", "9000", StringComparison.Ordinal));
        var before = File.ReadAllBytes(snapshot);

        var text = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--what-if");
        var json = JObject.Parse(CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--what-if", "--output", "json").Out);

        // Each status the summary counts is the number of resource lines (text) and resources (JSON) with that status.
        var lines = text.Out.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Length > 3 && l[3] == ' ' && l[4..].StartsWith("undo-", StringComparison.Ordinal)).ToList();
        var summary = text.Out.Split('\n').Single(l => l.Contains(" resources: ", StringComparison.Ordinal));
        var statuses = json["resources"]!.Select(r => (string)r["status"]!).ToList();
        Assert.Equal(statuses.Count, lines.Count);
        Assert.Equal(statuses.Count, (int)json["summary"]!["total"]!);
        foreach (var (name, words) in new[] { ("drifted", "drifted"), ("failed", "failed"), ("notUndoable", "not undoable"), ("changed", "changed"), ("compliant", "compliant") })
        {
            var count = statuses.Count(s => s == name);
            Assert.Equal(count, (int)json["summary"]![name]!);
            // A line spells the status as every report does (StatusNames); the summary line in words.
            Assert.True(count == lines.Count(l => l.Contains($"  {name}", StringComparison.Ordinal)), text.Out);
            Assert.True(count == 0 && name == "notUndoable" ? !summary.Contains(words, StringComparison.Ordinal) : summary.Contains($"{count} {words}", StringComparison.Ordinal), $"{name}: {summary}");
        }

        Assert.Equal(1, (int)json["summary"]!["failed"]!);
        var refused = json["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts");
        Assert.StartsWith($"not undone: changed since run {runId}: Changed is 9000 now", (string)refused["error"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("could not read", text.Out + text.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void UndoWhatIfChangesNothingAndAnUnknownRunIsAnError()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = Apply(baseline, snapshot);
        var before = File.ReadAllBytes(snapshot);

        var whatIf = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--what-if");
        var unknown = CliRun.Run(State, "undo", "20260101T000000Z-0000", "--snapshot", snapshot);

        Assert.Equal(2, whatIf.Exit);
        Assert.Contains("~ undo-timeouts", whatIf.Out, StringComparison.Ordinal);
        Assert.Contains("• undo-av", whatIf.Out, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
        Assert.Equal(1, unknown.Exit);
        Assert.StartsWith("error: there is no run 20260101T000000Z-0000 in ", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndoIsItselfARunThatCanBeUndone()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = Apply(baseline, snapshot);
        var afterApply = HostState.Of(snapshot);

        var undoRun = (string)JObject.Parse(CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;
        CliRun.Run(State, "undo", undoRun, "--snapshot", snapshot);

        Assert.True(JToken.DeepEquals(afterApply, HostState.Of(snapshot)));
    }
}
