using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

public sealed class SavedPlanTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Baseline() => _folder.Write("b.json", """
        { "name": "planned",
          "parameters": { "Timeout": { "type": "integer" }, "Token": { "type": "string", "secret": true } },
          "resources": [
            { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": {
                "Timeout": { "kind": "dword", "data": "${Timeout}" }, "Token": { "kind": "string", "data": "${Token}" } } } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "DPM01", "registry": { "HKLM\\SOFTWARE\\X": { "Timeout": { "kind": "dword", "data": 600 } } } }
        """);

    [Fact]
    public void ASavedPlanRecordsDigestVariablesAndValuesAndIsAppliedExactly()
    {
        var (baseline, snapshot, plan) = (Baseline(), Snapshot(), _folder.Combine("plan.json"));

        var planned = CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--var", "Timeout=7200", "--var-secret", "Token=Canary-Plan", "--save-plan", plan);
        var saved = JObject.Parse(File.ReadAllText(plan));
        var applied = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan", "--detailed-exitcodes");

        Assert.Equal(2, planned.Exit);
        Assert.StartsWith("sha256:", (string)saved["digest"]!, StringComparison.Ordinal);
        Assert.Equal("7200", (string)saved["variables"]!["Timeout"]!);
        Assert.Null(saved["variables"]!["Token"]);
        Assert.DoesNotContain("Canary", File.ReadAllText(plan), StringComparison.Ordinal);
        Assert.Equal(600, (int)saved["resources"]![0]!["differences"]![0]!["actual"]!);
        Assert.True(applied.Exit == 2, applied.Err);
        Assert.Equal(7200, (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["Timeout"]!["data"]!);
    }

    [Fact]
    public void ApplyOfAPlanRefusesWhenTheHostMovedAndChangesNothing()
    {
        var (baseline, snapshot, plan) = (Baseline(), Snapshot(), _folder.Combine("plan.json"));
        CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--var", "Timeout=7200", "--var", "Token=NotSoSecret", "--save-plan", plan);
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("600", "900", StringComparison.Ordinal));
        var before = File.ReadAllBytes(snapshot);

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=NotSoSecret");

        Assert.Equal(1, exit);
        Assert.Contains("the host no longer matches the saved plan", error, StringComparison.Ordinal);
        Assert.Contains("timeouts: Timeout differ from the plan", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void ApplyOfAPlanRefusesWhenTheBaselineChanged()
    {
        var (baseline, snapshot, plan) = (Baseline(), Snapshot(), _folder.Combine("plan.json"));
        CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--var", "Timeout=7200", "--var", "Token=NotSoSecret", "--save-plan", plan);
        File.AppendAllText(baseline, "\n");

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=NotSoSecret");

        Assert.Equal(1, exit);
        Assert.Contains("the baseline or the plan's variables changed since the plan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOfAPlanTakesNoOtherVariables()
    {
        var (exit, _, error) = CliRun.Run(State, "apply", Baseline(), "--snapshot", Snapshot(), "--plan", "p.json", "--var", "Timeout=1");

        Assert.Equal(1, exit);
        Assert.Equal("error: apply --plan takes its variables from the saved plan; give only --var-secret for secret ones.", error.Trim());
    }
}
