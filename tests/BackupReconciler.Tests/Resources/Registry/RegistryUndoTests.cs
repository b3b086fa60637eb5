using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources.Registry;

/// <summary>Undo of registry changes, built from the value read before the change: every kind, and absent both ways.</summary>
public sealed class RegistryUndoTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Baseline() => _folder.Write("b.json", """
        { "name": "kinds", "resources": [
            { "id": "kinds", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Kinds", "values": {
                "String": { "kind": "string", "data": "new" },
                "Expand": { "kind": "expandString", "data": "%ProgramFiles%\\New" },
                "Multi": { "kind": "multiString", "data": ["c"] },
                "DWord": { "kind": "dword", "data": 7200 },
                "QWord": { "kind": "qword", "data": 2 },
                "Binary": { "kind": "binary", "data": "ff" },
                "None": { "kind": "dword", "data": 1 },
                "Numbered": { "kind": "string", "data": "now a string" },
                "WasAbsent": { "kind": "dword", "data": 3 },
                "MustGo": { "ensure": "absent" },
                "KindChanged": { "kind": "dword", "data": 5 } } } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Kinds": {
            "String": { "kind": "string", "data": "old" },
            "Expand": { "kind": "expandString", "data": "%SystemRoot%\\Old" },
            "Multi": { "kind": "multiString", "data": ["a", "b"] },
            "DWord": { "kind": "dword", "data": 600 },
            "QWord": { "kind": "qword", "data": 18446744073709551615 },
            "Binary": { "kind": "binary", "data": "0001" },
            "None": { "kind": "none", "data": "" },
            "Numbered": { "kind": "type:4660", "data": "abcd" },
            "MustGo": { "kind": "qword", "data": 1 },
            "KindChanged": { "kind": "string", "data": "5" } } } }
        """);

    [Fact]
    public void UndoSetsBackARegistryValueOfEveryKindAndDeletesOrRecreatesWhatWasAbsentOrPresent()
    {
        var (baseline, snapshot) = (Baseline(), Snapshot());
        var original = HostState.Of(snapshot);
        var originalValues = (JObject)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\Kinds"]!;
        var runId = (string)JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;
        var applied = JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\Kinds"]!;
        Assert.Equal(7200, (int)applied["DWord"]!["data"]!);
        Assert.Null(applied["MustGo"]);

        // The journal's undo step is the values as they were read, whatever the comparison showed.
        var before = File.ReadLines(JournalFiles.Find(State, runId)!).Select(JObject.Parse).Single(l => (string)l["event"]! == "before");
        var undoValues = (JObject)before["undo"]!["properties"]!["values"]!;
        foreach (var (name, value) in originalValues)
        {
            Assert.True(JToken.DeepEquals(value, undoValues[name]), $"{name}: undo would set {undoValues[name]}, it was {value}");
        }

        Assert.Equal("absent", (string)undoValues["WasAbsent"]!["ensure"]!);

        var (exit, output, error) = CliRun.Run(State, "undo", runId, "--snapshot", snapshot, "--output", "json", "--detailed-exitcodes");

        Assert.True(exit == 2, output + error);
        Assert.True(JToken.DeepEquals(original, HostState.Of(snapshot)), $"expected\n{original}\nafter undo\n{HostState.Of(snapshot)}");
    }

}
