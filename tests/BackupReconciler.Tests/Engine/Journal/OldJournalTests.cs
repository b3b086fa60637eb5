using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Engine.Journal;

/// <summary>
/// Journals written before a difference had one vocabulary named a change's values <c>previous</c> and
/// <c>intended</c>. State directories on servers keep them for months: undo and history of such a run still work.
/// </summary>
public sealed class OldJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Baseline() => _folder.Write("b.json", """
        { "name": "old", "resources": [
            { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": {
                "Changed": { "kind": "dword", "data": 7200 }, "Added": { "kind": "string", "data": "new" }, "KindChanged": { "kind": "dword", "data": 5 } } } },
            { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "manual" } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "H",
          "registry": { "HKLM\\SOFTWARE\\X": { "Changed": { "kind": "dword", "data": 600 }, "KindChanged": { "kind": "string", "data": "5" } } },
          "services": { "VSS": { "startType": "disabled", "state": "stopped" } } }
        """);

    /// <summary>Applies, then rewrites the run's journal as the former build wrote it: changes with property, previous, intended.</summary>
    private string ApplyAndWriteTheJournalTheFormerWay(string baseline, string snapshot)
    {
        var runId = (string)JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;
        var journal = JournalFiles.Find(State, runId)!;
        var lines = File.ReadAllLines(journal).Select(JObject.Parse).ToList();
        foreach (var before in lines.Where(l => (string)l["event"]! == "before"))
        {
            before["changes"] = new JArray(before["changes"]!.Select(c => new JObject
            {
                ["property"] = c["property"]!.DeepClone(),
                ["previous"] = c["actual"]!.DeepClone(),
                ["intended"] = c["desired"]!.DeepClone(),
            }));
        }

        File.WriteAllText(journal, string.Concat(lines.Select(l => l.ToString(Formatting.None) + "\n")));
        Assert.DoesNotContain("\"desired\"", File.ReadAllText(journal), StringComparison.Ordinal);
        return runId;
    }

    [Fact]
    public void UndoOfARunWhoseJournalSaysPreviousAndIntendedRestoresTheHost()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var original = HostState.Of(snapshot);
        var runId = ApplyAndWriteTheJournalTheFormerWay(baseline, snapshot);

        var (exit, output, error) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json", "--detailed-exitcodes");

        Assert.True(exit == 2, output + error);
        Assert.Equal(2, (int)JObject.Parse(output)["summary"]!["changed"]!);
        Assert.True(JToken.DeepEquals(original, HostState.Of(snapshot)), $"expected\n{original}\nafter undo\n{HostState.Of(snapshot)}");
    }

    [Fact]
    public void UndoOfARunWhoseJournalSaysIntendedStillRefusesAValueThatChangedSince()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = ApplyAndWriteTheJournalTheFormerWay(baseline, snapshot);
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("7200", "900", StringComparison.Ordinal));

        var (_, output, _) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json");

        var timeouts = JObject.Parse(output)["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts");
        Assert.Equal("failed", (string)timeouts["status"]!);
        Assert.Contains("changed since run " + runId + ": Changed is 900 now, the run set 7200", (string)timeouts["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryReadsTheValuesOfAJournalThatSaysPreviousAndIntended()
    {
        ApplyAndWriteTheJournalTheFormerWay(Baseline(), Snapshot());

        var history = JObject.Parse(CliRun.Run(State, "history", "--output", "json").Out);

        var startType = history["settings"]!.Single(s => (string)s["resource"]! == "vss" && (string)s["property"]! == "startType");
        Assert.Equal("disabled", (string)startType["corrections"]![0]!["previous"]!);
        Assert.Equal("manual", (string)startType["corrections"]![0]!["intended"]!);
        var added = history["settings"]!.Single(s => (string)s["resource"]! == "timeouts" && (string)s["property"]! == "Added");
        Assert.Equal("(absent)", (string)added["corrections"]![0]!["previous"]!);
    }

    /// <summary>Without a change's property the guard cannot see that its value moved: the step is refused, not undone unguarded.</summary>
    [Fact]
    public void AChangeWhosePropertyIsDamagedIsNotUndoneOverAValueThatMovedSince()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var runId = (string)JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;
        var journal = JournalFiles.Find(State, runId)!;
        var lines = File.ReadAllLines(journal).Select(JObject.Parse).ToList();
        foreach (var change in lines.Where(l => (string)l["event"]! == "before").SelectMany(l => l["changes"]!).Cast<JObject>())
        {
            change.Remove("property");
        }

        File.WriteAllText(journal, string.Concat(lines.Select(l => l.ToString(Formatting.None) + "\n")));
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("7200", "900", StringComparison.Ordinal));

        var (_, output, _) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json");

        var timeouts = JObject.Parse(output)["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts");
        Assert.NotEqual("changed", (string)timeouts["status"]!);
        Assert.Contains("900", File.ReadAllText(snapshot), StringComparison.Ordinal);
    }
}
