using System.Xml.Linq;
using BackupReconciler.Cli;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

/// <summary>The command line end to end, in process, on the shipped baseline and samples.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Baseline => Repository.File("baselines/dpm-protected-server.json");

    /// <summary>A copy of a shipped sample, so apply can change it.</summary>
    private string Sample(string name)
    {
        var path = _folder.Combine(name);
        File.Copy(Repository.File("samples/" + name), path);
        return path;
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System).Run([.. args, "--state-dir", _folder.Combine("state")]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void PlanOfTheDriftedSampleReportsDriftAndExitsTwo()
    {
        var snapshot = Sample("dpm-protected-server.drifted.json");
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, _) = Run("plan", Baseline, "--snapshot", snapshot);

        Assert.Equal(2, exit);
        Assert.Contains("  ~ dpm-agent-timeouts ", output, StringComparison.Ordinal);
        Assert.Contains("      ~ ConnectionNoActivityTimeout:             600 → 7200\n", output, StringComparison.Ordinal);
        Assert.Contains("  DPMRA: planned (requested by dpm-agent-timeouts, tcp-max-data-retransmissions)\n", output, StringComparison.Ordinal);
        Assert.Matches(@"2 resources: 0 compliant, 2 drifted, 0 changed, 0 manual, 0 failed, 0 skipped · \d+ ms · exit 2\n$", output);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void PlanOfTheCompliantSampleExitsZero()
    {
        Assert.Equal(0, Run("plan", Baseline, "--snapshot", Sample("dpm-protected-server.compliant.json")).Exit);
    }

    [Fact]
    public void ApplyExitsZeroWithoutDetailedCodesAndTwoWithThemThenTheSecondRunChangesNothing()
    {
        var first = Sample("dpm-protected-server.drifted.json");
        File.Copy(first, _folder.Combine("second.json"));

        Assert.Equal(0, Run("apply", Baseline, "--snapshot", first).Exit);
        Assert.Equal(2, Run("apply", Baseline, "--snapshot", _folder.Combine("second.json"), "--detailed-exitcodes").Exit);
        var again = Run("apply", Baseline, "--snapshot", first, "--detailed-exitcodes");
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 changed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyWhatIfChangesNothing()
    {
        var snapshot = Sample("dpm-protected-server.drifted.json");
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, _) = Run("apply", Baseline, "--snapshot", snapshot, "--what-if");

        Assert.Equal(2, exit);
        Assert.Contains("what-if, nothing changed", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void TheJsonReportHasTheDocumentedShape()
    {
        var (exit, output, _) = Run("plan", Baseline, "--snapshot", Sample("dpm-protected-server.drifted.json"), "--output", "json");
        var report = JObject.Parse(output);

        Assert.Equal(
            ["schemaVersion", "command", "runId", "whatIf", "baseline", "host", "startedAt", "durationMs", "resources", "restarts", "manualSteps", "notices", "summary", "exitCode"],
            report.Properties().Select(p => p.Name));
        Assert.Equal(1, (int)report["schemaVersion"]!);
        Assert.Matches(@"^\d{8}T\d{6}Z-[0-9a-f]{4}$", (string)report["runId"]!);
        Assert.Equal(exit, (int)report["exitCode"]!);
        var timeouts = report["resources"]!.Single(r => (string)r["id"]! == "dpm-agent-timeouts");
        Assert.Equal(["id", "type", "status", "why", "reference", "differences", "error"], ((JObject)timeouts).Properties().Select(p => p.Name));
        Assert.Equal("drifted", (string)timeouts["status"]!);
        var difference = timeouts["differences"]!.Single(d => (string)d["property"]! == "ConnectionNoActivityTimeout");
        Assert.Equal(600, (int)difference["actual"]!);
        Assert.Equal(7200, (int)difference["desired"]!);
        Assert.Equal(JTokenType.Null, timeouts["differences"]!.Single(d => (string)d["property"]! == "CommandTimeout")["actual"]!.Type);
        Assert.Equal(2, (int)report["summary"]!["drifted"]!);
    }

    [Fact]
    public void TheJUnitReportHasATestCasePerResourceWithDriftAsFailures()
    {
        var report = _folder.Combine("junit.xml");

        Run("test", Baseline, "--snapshot", Sample("dpm-protected-server.drifted.json"), "--output", "junit", "--out", report);

        var suite = XDocument.Load(report).Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Equal(2, suite.Elements("testcase").Count(c => c.Element("failure") is not null));
    }

    [Fact]
    public void GetShowsTheActualStateAsJson()
    {
        var (exit, output, _) = Run("get", Baseline, "--snapshot", Sample("dpm-protected-server.drifted.json"));

        Assert.Equal(0, exit);
        var timeouts = JObject.Parse(output)["resources"]!.Single(r => (string)r["id"]! == "dpm-agent-timeouts");
        Assert.Equal(600, (int)timeouts["actual"]!["values"]!["ConnectionNoActivityTimeout"]!["data"]!);
        Assert.Equal(JTokenType.Null, timeouts["actual"]!["values"]!["CommandTimeout"]!.Type);
    }

    [Fact]
    public void ValidateAcceptsTheShippedBaseline()
    {
        var (exit, output, _) = Run("validate", Baseline);

        Assert.Equal(0, exit);
        Assert.Contains("baseline \"dpm-protected-server\", 2 resources, valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidBaselineIsOneLineOnStandardErrorExitOneAndNoStackTrace()
    {
        var baseline = _folder.Write("bad.json", """{ "name": "x", "resources": [ { "id": "a", "type": "service", "properties": { "name": "VSS", "startType": "auto" } } ] }""");
        var snapshot = Sample("dpm-protected-server.drifted.json");

        var (exit, output, error) = Run("apply", baseline, "--snapshot", snapshot);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"error: {baseline}(1,112): \"startType\" of resource \"a\" (service) is the string \"auto\"; use one of: automatic, automaticDelayed, manual, disabled.\n", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plna", "x.json" }, "error: \"plna\" is not a verb (did you mean \"plan\"?); the verbs are: validate, test, plan, apply, get, runs, undo, watch, snapshot, import-reg, detect, history, schedule, report, dsc.")]
    [InlineData(new[] { "plan", "x.json", "--snapshto", "s.json" }, "error: --snapshto is not an option of plan (did you mean \"--snapshot\"?); run backup-reconciler plan --help.")]
    [InlineData(new[] { "plan" }, "error: plan needs a baseline file: backup-reconciler plan BASELINE.json.")]
    [InlineData(new[] { "plan", "x.json", "--output", "xml" }, "error: --output xml: use text, json or junit.")]
    [InlineData(new[] { "plan", "x.json", "--var", "novalue" }, "error: --var novalue: write it as --var NAME=VALUE.")]
    public void BadArgumentsExitOneWithTheFix(string[] args, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = new CliApplication(stdout, stderr, TimeProvider.System).Run(args);

        Assert.Equal(1, exit);
        Assert.Equal(message, stderr.ToString().TrimEnd());
    }

    [NotOnWindowsFact("on Windows the live host is the default target")]
    public void WithoutASnapshotOffWindowsTheErrorSaysToPassOne()
    {
        var (exit, _, error) = Run("plan", Baseline);

        Assert.Equal(1, exit);
        Assert.Contains("pass --snapshot FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALogFileIsWrittenToTheStateDirectory()
    {
        Run("apply", Baseline, "--snapshot", Sample("dpm-protected-server.drifted.json"));

        var log = Assert.Single(Directory.GetFiles(_folder.Combine("state/logs")));
        Assert.Contains("Changing dpm-agent-timeouts (registry)", File.ReadAllText(log), StringComparison.Ordinal);
    }
}
