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
        Assert.Contains($"what apply would do now no longer matches the saved plan {plan}", error, StringComparison.Ordinal);
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

    /// <summary>Plans on the snapshot (Timeout 600 → 7200, Token missing → secret) and hands the saved plan's JSON to <paramref name="edit"/>.</summary>
    private (string Baseline, string Snapshot, string Plan) PlanEditedBy(Action<JObject> edit)
    {
        var (baseline, snapshot, plan) = (Baseline(), Snapshot(), _folder.Combine("plan.json"));
        CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--var", "Timeout=7200", "--var-secret", "Token=Canary-Plan", "--save-plan", plan);
        var saved = JObject.Parse(File.ReadAllText(plan));
        edit(saved);
        File.WriteAllText(plan, saved.ToString());
        return (baseline, snapshot, plan);
    }

    private static JObject TimeoutDifference(JObject plan) =>
        (JObject)((JArray)plan["resources"]![0]!["differences"]!).Single(d => (string?)d["property"] == "Timeout");

    [Theory]
    [InlineData("action manual")]
    [InlineData("difference removed")]
    [InlineData("difference added")]
    [InlineData("desired changed")]
    public void AHandEditedPlanIsRefusedNamingTheFileAndTheResourceAndNothingIsApplied(string edit)
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved =>
        {
            var differences = (JArray)saved["resources"]![0]!["differences"]!;
            switch (edit)
            {
                case "action manual": TimeoutDifference(saved)["action"] = "manual"; break;
                case "difference removed": TimeoutDifference(saved).Remove(); break;
                case "difference added": differences.Add(new JObject { ["property"] = "Other", ["actual"] = null, ["desired"] = 1, ["action"] = "change" }); break;
                case "desired changed": TimeoutDifference(saved)["desired"] = 9; break;
            }
        });
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan");

        Assert.Equal(1, exit);
        Assert.Contains($"the saved plan {plan}", error, StringComparison.Ordinal);
        Assert.Contains("timeouts: ", error, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", error, StringComparison.Ordinal);
        Assert.DoesNotContain("changed", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Theory]
    [InlineData("\"skip\"", "\"action\" of a planned difference is the string \"skip\"; use one of: change, manual.")]
    [InlineData("null", "a planned difference has no \"action\"; add \"action\": \"change\" | \"manual\".")]
    public void AnActionThePlanNeverWritesIsAnErrorAtItsPositionNotAChange(string action, string expected)
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved => TimeoutDifference(saved)["action"] = JToken.Parse(action));
        var before = File.ReadAllBytes(snapshot);

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan");

        Assert.Equal(1, exit);
        Assert.Matches($@"^error: {System.Text.RegularExpressions.Regex.Escape(plan)}\(\d+,\d+\): ", error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void AMemberOfADifferenceThePlanNeverWritesIsAnError()
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved => TimeoutDifference(saved)["skip"] = true);

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan");

        Assert.Equal(1, exit);
        Assert.Contains("a planned difference has an unknown member \"skip\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferencesThatAreNotAnArrayAreAnErrorNotAnEmptyPlan()
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved => saved["resources"]![0]!["differences"] = new JObject());

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan");

        Assert.Equal(1, exit);
        Assert.Contains("\"differences\" of a planned resource must be an array [ ... ]; found an object.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceListedTwiceIsAnErrorNotAStackTrace()
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved => ((JArray)saved["resources"]!).Add(saved["resources"]![0]!.DeepClone()));

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan");

        Assert.Equal(1, exit);
        Assert.Contains("the saved plan lists the resource \"timeouts\" 2 times", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanWhoseDifferencesAreReorderedStillApplies()
    {
        var (baseline, snapshot, plan) = PlanEditedBy(saved =>
        {
            var differences = (JArray)saved["resources"]![0]!["differences"]!;
            var reversed = differences.Reverse().ToList();
            differences.RemoveAll();
            reversed.ForEach(differences.Add);
        });

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "Token=Canary-Plan", "--detailed-exitcodes");

        Assert.True(exit == 2, error);
        Assert.Equal(7200, (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["Timeout"]!["data"]!);
    }

    [Fact]
    public void ApplyWhatIfOfAnEditedPlanSaysApplyWouldRefuseItInsteadOfShowingChanges()
    {
        File.Move(PlanEditedBy(_ => { }).Plan, _folder.Combine("intact.json"));
        var (baseline, snapshot, plan) = PlanEditedBy(saved => TimeoutDifference(saved)["action"] = "manual");

        var edited = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan, "--what-if", "--var-secret", "Token=Canary-Plan");
        var fitting = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", _folder.Combine("intact.json"), "--what-if", "--var-secret", "Token=Canary-Plan");

        Assert.Equal((1, ""), (edited.Exit, edited.Out));
        Assert.Contains($"no longer matches the saved plan {plan}", edited.Err, StringComparison.Ordinal);
        Assert.Contains("so apply --plan would apply nothing: timeouts: Timeout differ from the plan", edited.Err, StringComparison.Ordinal);
        Assert.Equal(2, fitting.Exit);
        Assert.Contains("~ Timeout: 600 → 7200", fitting.Out, StringComparison.Ordinal);
    }
}
