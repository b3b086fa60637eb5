using BackupReconciler.Engine;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Resources.Registry;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Engine;

/// <summary>A saved plan's values read back as the fresh difference's own kind and compared by value.</summary>
public sealed class SavedPlanComparisonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AValueIsTheRecordedOneWhenItReadsBackEqualAndAbsentOnlyMatchesAbsent()
    {
        var none = new SecretRedactor();

        Assert.True(PlannedDifference.Same(new RegistryDataValue(RegistryValue.DWord(600), ShowsKind: false), new JValue(600), none));
        Assert.True(PlannedDifference.Same(DifferenceValue.TextList(["a", "b"]), new JArray("a", "b"), none));
        Assert.True(PlannedDifference.Same(null, null, none));
        Assert.False(PlannedDifference.Same(DifferenceValue.TextList(["a", "b"]), new JArray("b", "a"), none));
        Assert.False(PlannedDifference.Same(DifferenceValue.Text("x"), null, none));
        Assert.False(PlannedDifference.Same(null, new JValue("x"), none));
        Assert.False(PlannedDifference.Same(DifferenceValue.Number(600), new JValue("600"), none));
    }

    [Fact]
    public void AValueThatHoldsASecretIsComparedMaskedAsThePlanRecordedIt()
    {
        var secrets = new SecretRedactor();
        secrets.Add(["Canary-Token"]);
        var value = new RegistryDataValue(RegistryValue.String("Canary-Token"), ShowsKind: false);

        Assert.True(PlannedDifference.Same(value, new JValue(SecretRedactor.Mask), secrets));
        Assert.False(PlannedDifference.Same(value, new JValue("Canary-Token-2"), secrets));
    }

    /// <summary>Same data, another kind: the plan showed bare data, the host now needs the kind changed too.</summary>
    [Fact]
    public void ApplyOfAPlanRefusesWhenAValueKeptItsDataButChangedItsKind()
    {
        var baseline = _folder.Write("b.json", """
            { "name": "planned", "resources": [
                { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "Timeout": { "kind": "dword", "data": 7200 } } } } ] }
            """);
        var snapshot = _folder.Write("s.json", """
            { "computerName": "DPM01", "registry": { "HKLM\\SOFTWARE\\X": { "Timeout": { "kind": "dword", "data": 600 } } } }
            """);
        var (plan, state) = (_folder.Combine("plan.json"), _folder.Combine("state"));
        Assert.Equal(2, CliRun.Run(state, "plan", baseline, "--snapshot", snapshot, "--save-plan", plan).Exit);
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("\"dword\", \"data\": 600", "\"qword\", \"data\": 600", StringComparison.Ordinal));
        var before = File.ReadAllBytes(snapshot);

        var (exit, _, error) = CliRun.Run(state, "apply", baseline, "--snapshot", snapshot, "--plan", plan);

        Assert.Equal(1, exit);
        Assert.Contains("timeouts: Timeout differ from the plan", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void ApplyOfAPlanGoesOnWhenEveryValueIsAsRecorded()
    {
        var baseline = _folder.Write("b.json", """
            { "name": "planned", "resources": [
                { "id": "av", "type": "antivirusExclusion", "properties": { "paths": ["C:\\Kept", "C:\\New"] } },
                { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "Timeout": { "kind": "dword", "data": 7200 }, "Gone": { "ensure": "absent" } } } } ] }
            """);
        var snapshot = _folder.Write("s.json", """
            { "computerName": "DPM01", "registry": { "HKLM\\SOFTWARE\\X": { "Timeout": { "kind": "string", "data": "600" }, "Gone": { "kind": "multiString", "data": ["a"] } } },
              "antivirus": { "exclusionPaths": ["C:\\Kept"], "exclusionProcesses": [], "exclusionExtensions": [] } }
            """);
        var (plan, state) = (_folder.Combine("plan.json"), _folder.Combine("state"));
        Assert.Equal(2, CliRun.Run(state, "plan", baseline, "--snapshot", snapshot, "--save-plan", plan).Exit);

        var (exit, output, error) = CliRun.Run(state, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--detailed-exitcodes");

        Assert.True(exit == 2, output + error);
        Assert.Equal(7200, (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["Timeout"]!["data"]!);
    }
}
