using BackupReconciler.Cli;
using BackupReconciler.Cli.Reports;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Reports;

/// <summary>The reports as the command line writes them: colour, why and reference, the what-if id, runs.</summary>
public sealed class ReportCliTests : IDisposable
{
    private static readonly ConsoleTraits Terminal = new(true, true, false);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    /// <summary>A copy of a shipped sample, with the folder of files it stands for, so apply changes only the copy.</summary>
    private string Sample(string name)
    {
        var copy = _folder.Combine(name);
        File.Copy(Repository.File($"samples/{name}"), copy, overwrite: true);
        var files = Repository.File($"samples/{Path.GetFileNameWithoutExtension(name)}-files");
        foreach (var file in Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories) : [])
        {
            var target = _folder.Combine(Path.Combine(Path.GetFileName(files), Path.GetRelativePath(files, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return copy;
    }

    /// <summary>JSON as written: times stay the strings the report holds.</summary>
    private static JObject Json(string text) => JsonConvert.DeserializeObject<JObject>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    private (int Exit, string Out) Run(ConsoleTraits traits, params string[] args)
    {
        var stdout = new StringWriter();
        var exit = new CliApplication(stdout, new StringWriter(), TimeProvider.System) { Terminal = traits }.Run([.. args, "--state-dir", State]);
        return (exit, stdout.ToString());
    }

    private string[] Plan(params string[] more) =>
        ["plan", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", Sample("dpm-protected-server.drifted.json"), .. more];

    [Fact]
    public void ATerminalGetsColour()
    {
        Assert.Contains('\u001b', Run(Terminal, Plan()).Out);
    }

    [Fact]
    public void NoEscapeCodesWhenRedirectedWhenNoColorIsSetOrWithTheNoColorOption()
    {
        Assert.DoesNotContain('\u001b', Run(ConsoleTraits.Redirected, Plan()).Out);
        Assert.DoesNotContain('\u001b', Run(Terminal with { NoColorRequested = true }, Plan()).Out);
        Assert.DoesNotContain('\u001b', Run(Terminal, Plan("--no-color")).Out);
        Assert.DoesNotContain('\u001b', Run(Terminal, Plan("--output", "json")).Out);

        var file = _folder.Combine("report.txt");
        Run(Terminal, Plan("--out", file));
        Assert.DoesNotContain('\u001b', File.ReadAllText(file));
    }

    [Fact]
    public void TheJsonReportGivesEachResourcesWhyAndItsArticle()
    {
        var report = Json(Run(ConsoleTraits.Redirected, "plan", Repository.File("baselines/mars-agent.json"), "--snapshot", Sample("mars-agent.drifted.json"),
            "--vars", Repository.File("samples/mars-agent.vars.json"), "--output", "json").Out);
        var dpm = Json(Run(ConsoleTraits.Redirected, Plan("--output", "json")).Out);

        var shadow = report["resources"]!.Single(r => (string)r["id"]! == "system-volume-shadow-storage");
        Assert.StartsWith("Backups fail when the shadow copy storage", (string)shadow["why"]!, StringComparison.Ordinal);
        Assert.Equal("003_75182e73a6ab4ba4.txt", (string)shadow["reference"]!["seed"]!);
        Assert.Equal("https://docs.microsoft.com/azure/backup/backup-azure-mars-troubleshoot", (string)shadow["reference"]!["url"]!);
        Assert.Null(shadow["reference"]!["kb"]);
        Assert.Equal("004_2de3770e29f1c242.txt", (string)shadow["reference"]!["also"]![0]!["seed"]!);
        var timeouts = dpm["resources"]!.Single(r => (string)r["id"]! == "dpm-agent-timeouts");
        Assert.Equal("971411", (string)timeouts["reference"]!["kb"]!);
        Assert.Equal("Protection jobs for various protected servers fail with errors", (string)timeouts["reference"]!["title"]!);
        Assert.Null(timeouts["reference"]!["url"]); // the seed gives no address of its own
    }

    [Fact]
    public void VerboseShowsTheWhyOfCompliantResourcesToo()
    {
        var compliant = new[] { "test", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", Sample("dpm-protected-server.compliant.json") };

        Assert.DoesNotContain("      why: ", Run(ConsoleTraits.Redirected, compliant).Out, StringComparison.Ordinal);
        Assert.Contains("      why: ", Run(ConsoleTraits.Redirected, [.. compliant, "--verbose"]).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AWhatIfRunIsNotListedByRunsAndItsReportDoesNotSayItIs()
    {
        var snapshot = Sample("dpm-protected-server.drifted.json");
        var baseline = Repository.File("baselines/dpm-protected-server.json");
        var plan = Json(Run(ConsoleTraits.Redirected, "plan", baseline, "--snapshot", snapshot, "--output", "json").Out);
        var whatIf = Run(ConsoleTraits.Redirected, "apply", baseline, "--snapshot", snapshot, "--what-if").Out;
        var apply = Json(Run(ConsoleTraits.Redirected, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out);

        var listed = Json(Run(ConsoleTraits.Redirected, "runs", "--output", "json").Out)["runs"]!.Select(r => (string)r["runId"]!).ToList();

        Assert.Equal([(string)apply["runId"]!], listed);
        Assert.DoesNotContain((string)plan["runId"]!, listed);
        Assert.Contains("(what-if: not recorded)", whatIf.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" · run ", whatIf.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void RunsHasAHeaderAndTheReportsFieldNamesInTheSummarysOrder()
    {
        var apply = Json(Run(ConsoleTraits.Redirected, "apply", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", Sample("dpm-protected-server.drifted.json"), "--output", "json").Out);

        var json = Json(Run(ConsoleTraits.Redirected, "runs", "--output", "json").Out);
        var text = Run(ConsoleTraits.Redirected, "runs").Out;

        var run = (JObject)json["runs"]!.Single();
        Assert.Equal(["runId", "startedAt", "command", "baseline", "host", "complete", "stopped", "interruptedWhileChanging", "damage", "summary"], run.Properties().Select(p => p.Name));
        Assert.Equal(((JObject)apply["summary"]!).Properties().Select(p => p.Name), ((JObject)run["summary"]!).Properties().Select(p => p.Name));
        Assert.Equal(apply["summary"], run["summary"]);
        Assert.StartsWith(((string)apply["startedAt"]!)[..19], (string)run["startedAt"]!, StringComparison.Ordinal);
        var row = RunsListing.Rows(text).Single();
        Assert.Equal($"{apply["runId"]}  {run["startedAt"]}  apply  dpm-protected-server  FS01  2 resources: 0 compliant, 0 drifted, 2 changed, 0 manual, 0 failed, 0 skipped", row);
    }
}

/// <summary>The real executable, its output redirected (as CI, a pipe or a scheduled task has it): Program.cs must see that and write no colour.</summary>
public sealed class RedirectedProcessTests
{
    [Fact]
    public void ARedirectedRunWritesNoEscapeCodes()
    {
        using var folder = new TempFolder();
        File.Copy(Repository.File("samples/dpm-protected-server.drifted.json"), folder.Combine("s.json"));
        using var process = new BackupReconciler.Tests.Hostile.RealProcess("plan", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", folder.Combine("s.json"), "--state-dir", folder.Combine("state"));

        var (exit, output, error, _) = process.Wait(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("  ~ dpm-agent-timeouts ", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u001b', error);
    }
}
