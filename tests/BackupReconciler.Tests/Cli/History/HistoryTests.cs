using BackupReconciler.Cli;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.History;

/// <summary>
/// history from real journals: apply runs of the DPM sample at fixed times, with a "Group Policy" setting
/// the SQL Agent's start type back between runs, so that one setting is fought over and the rest were corrected once.
/// </summary>
public sealed class HistoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private const string Agent = "SQLAgent$MSDPM2012";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Snapshot { get; }

    public HistoryTests()
    {
        Snapshot = _folder.Combine("dpm.json");
        File.Copy(Repository.File("samples/dpm-server.drifted.json"), Snapshot);
    }

    private (int Exit, string Out, string Err) At(DateTimeOffset time, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, new FixedClock(time)).Run([.. args, "--state-dir", State]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Apply(DateTimeOffset time, params string[] more)
    {
        var run = At(time, ["apply", Repository.File("baselines/dpm-server.json"), "--snapshot", Snapshot, "--vars", Repository.File("samples/dpm-server.vars.json"), "--output", "json", .. more]);
        Assert.True(run.Exit is 0 or 2, run.Err);
        return (string)JObject.Parse(run.Out)["runId"]!;
    }

    /// <summary>What a Group Policy does between runs: sets the SQL Agent back to manual start.</summary>
    private void PolicySetsTheAgentBack()
    {
        var snapshot = JObject.Parse(File.ReadAllText(Snapshot));
        snapshot["services"]![Agent]!["startType"] = "manual";
        File.WriteAllText(Snapshot, snapshot.ToString());
    }

    /// <summary>Three runs in the last week, the policy fighting the start type back before the second and third.</summary>
    private List<string> ThreeRunsWithAFight()
    {
        var runs = new List<string> { Apply(Now.AddDays(-3)) };
        PolicySetsTheAgentBack();
        runs.Add(Apply(Now.AddDays(-2)));
        PolicySetsTheAgentBack();
        runs.Add(Apply(Now.AddDays(-1)));
        return runs;
    }

    private JObject HistoryJson(params string[] more)
    {
        var (exit, output, err) = At(Now, ["history", "--output", "json", .. more]);
        Assert.True(exit == 0, err);
        return BackupReconciler.Input.JsonLine.Parse(output); // times as written, not turned into local DateTimes
    }

    private static JObject Setting(JObject history, string resource, string property) =>
        (JObject)history["settings"]!.Single(s => (string)s["resource"]! == resource && (string)s["property"]! == property);

    [Fact]
    public void ASettingCorrectedByThreeRunsIsFoughtOverWithItsCountTimesAndRunsAndTheOthersAreNot()
    {
        var runs = ThreeRunsWithAFight();

        var history = HistoryJson();

        Assert.Equal(3, (int)history["runsRead"]!);
        var fought = Setting(history, "sql-agent-running", "startType");
        Assert.True((bool)fought["foughtOver"]!);
        Assert.Equal(3, (int)fought["corrected"]!);
        Assert.Equal(runs, fought["corrections"]!.Select(c => (string)c["runId"]!));
        Assert.Equal(["2026-12-04T12:00:00Z", "2026-12-05T12:00:00Z", "2026-12-06T12:00:00Z"], fought["corrections"]!.Select(c => (string)c["time"]!));
        Assert.Equal("2026-12-06T12:00:00Z", (string)fought["lastCorrected"]!);
        Assert.Equal(runs[2], (string)fought["lastRunId"]!);
        Assert.All(fought["corrections"]!, c => Assert.Equal("manual", (string)c["previous"]!));
        Assert.All(fought["corrections"]!, c => Assert.Equal("automatic", (string)c["intended"]!));

        // The first run's other corrections held: corrected once, by the first run, not fought over.
        var state = Setting(history, "sql-agent-running", "state");
        Assert.Equal(1, (int)state["corrected"]!);
        Assert.False((bool)state["foughtOver"]!);
        Assert.Equal(runs[0], (string)state["lastRunId"]!);
        Assert.Equal(1, (int)history["foughtOver"]!);
        Assert.Equal("sql-agent-running", (string)history["settings"]![0]!["resource"]!);
        Assert.All(history["settings"]!, s => Assert.Equal("dpm-server", (string)s["baseline"]!));
    }

    [Fact]
    public void TwoCorrectionsAreNotYetAFight()
    {
        Apply(Now.AddDays(-2));
        PolicySetsTheAgentBack();
        Apply(Now.AddDays(-1));

        var history = HistoryJson();

        Assert.Equal(2, (int)Setting(history, "sql-agent-running", "startType")["corrected"]!);
        Assert.Equal(0, (int)history["foughtOver"]!);
    }

    [Fact]
    public void SinceLimitsTheWindowToRunsThatStartedInIt()
    {
        ThreeRunsWithAFight();

        var lastTwoDays = HistoryJson("--since", "2d");
        var week = HistoryJson("--since", "7d");

        Assert.Equal(2, (int)lastTwoDays["runsRead"]!);
        Assert.Equal(2, (int)Setting(lastTwoDays, "sql-agent-running", "startType")["corrected"]!);
        Assert.False((bool)Setting(lastTwoDays, "sql-agent-running", "startType")["foughtOver"]!);
        Assert.DoesNotContain(lastTwoDays["settings"]!, s => (string)s["resource"]! == "firewall-rpc");
        Assert.Equal(3, (int)week["runsRead"]!);
        Assert.Equal("2026-12-05T12:00:00Z", (string)lastTwoDays["from"]!);
    }

    [Fact]
    public void TheDefaultWindowIsSevenDays()
    {
        Apply(Now.AddDays(-8));
        Apply(Now.AddDays(-1));

        var history = HistoryJson();

        Assert.Equal("7d", (string)history["since"]!);
        Assert.Equal(1, (int)history["runsRead"]!);
    }

    [Fact]
    public void BaselineKeepsOnlyThatBaselinesRuns()
    {
        ThreeRunsWithAFight();
        var other = _folder.Write("other.json", """
            { "name": "other", "resources": [ { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "automatic" } } ] }
            """);
        Assert.Equal(0, At(Now.AddHours(-1), "apply", other, "--snapshot", Snapshot).Exit);

        var onlyOther = HistoryJson("--baseline", "other");
        var onlyDpm = HistoryJson("--baseline", "DPM-server");

        Assert.Equal(1, (int)onlyOther["runsRead"]!);
        var vss = Assert.Single(onlyOther["settings"]!);
        Assert.Equal("vss", (string)vss["resource"]!);
        Assert.Equal("startType", (string)vss["property"]!);
        Assert.Equal(3, (int)onlyDpm["runsRead"]!);
        Assert.DoesNotContain(onlyDpm["settings"]!, s => (string)s["resource"]! == "vss");
    }

    [Fact]
    public void AnUndoIsListedAsAnUndoUnderTheUndoneBaselineAndIsNotACorrection()
    {
        var runs = ThreeRunsWithAFight();
        Assert.True(At(Now.AddHours(-1), "undo", runs[2], "--snapshot", Snapshot, "--force").Exit is 0 or 2);

        var history = HistoryJson("--baseline", "dpm-server");

        var fought = Setting(history, "sql-agent-running", "startType");
        Assert.Equal(3, (int)fought["corrected"]!);
        var undo = Assert.Single(fought["undos"]!);
        Assert.Equal("undo", (string)undo["command"]!);
        Assert.Equal("automatic", (string)undo["previous"]!);
        Assert.Equal("manual", (string)undo["intended"]!);
        Assert.Equal(4, (int)history["runsRead"]!);
    }

    [Fact]
    public void FailedAndInterruptedChangesDoNotCountAndDamagedJournalsAreNamed()
    {
        var runs = ThreeRunsWithAFight();
        var folder = Path.Combine(State, "runs");
        // The last run as if killed while changing its first resource: start and before, no after.
        var last = JournalFiles.Find(State, runs[2])!;
        var lines = File.ReadAllLines(last);
        File.WriteAllLines(last, lines.Take(2));
        // The second run's journal with a line of garbage at its end.
        File.AppendAllText(JournalFiles.Find(State, runs[1])!, "{not json\n");
        File.WriteAllText(Path.Combine(folder, "20261206T000000Z-dead.jsonl"), "");

        var history = HistoryJson();

        Assert.Equal(2, (int)Setting(history, "sql-agent-running", "startType")["corrected"]!);
        var problems = history["problems"]!.Select(p => (string)p!).ToList();
        Assert.Contains(problems, p => p.StartsWith($"run {runs[2]} has no outcome for its change of \"sql-agent-running\" (interrupted, or still running)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"run {runs[1]}'s journal is damaged (line ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("run 20261206T000000Z-dead was not read: the journal is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void TextMarkdownAndHtmlSayTheSame()
    {
        var runs = ThreeRunsWithAFight();

        var text = At(Now, "history").Out;
        var markdown = At(Now, "history", "--output", "markdown").Out;
        var html = At(Now, "history", "--output", "html").Out;

        Assert.Contains($"FOUGHT OVER dpm-server / sql-agent-running / startType (service) on DPM01: corrected 3 times, last 2026-12-06T12:00:00Z by run {runs[2]} (apply)", text, StringComparison.Ordinal);
        Assert.Contains("dpm-server / sql-agent-running / state (service) on DPM01: corrected 1 time, last 2026-12-04T12:00:00Z", text, StringComparison.Ordinal);
        Assert.Contains($"  2026-12-05T12:00:00Z  run {runs[1]} (apply): manual -> automatic", text, StringComparison.Ordinal);
        Assert.StartsWith("Drift history 2026-11-30T12:00:00Z to 2026-12-07T12:00:00Z (last 7d): 3 applying runs read,", text, StringComparison.Ordinal);
        Assert.Contains($"| dpm-server / sql-agent-running / startType | service | DPM01 | 3 | 2026-12-06T12:00:00Z | {runs[2]} | **yes** |", markdown, StringComparison.Ordinal);

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("data-resource=\"sql-agent-running\" data-property=\"startType\" data-corrected=\"3\" data-fought-over=\"true\"", html, StringComparison.Ordinal);
        // Marks at 3, 2 and 1 days before the end of a 7-day window.
        Assert.Contains("left:57.14%", html, StringComparison.Ordinal);
        Assert.Contains("left:71.43%", html, StringComparison.Ordinal);
        Assert.Contains("left:85.71%", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoJournalsIsSaidPlainly()
    {
        var (exit, output, _) = At(Now, "history");

        Assert.Equal(0, exit);
        Assert.Contains("0 applying runs read, 0 settings corrected, 0 fought over", output, StringComparison.Ordinal);
        Assert.Contains("No setting was corrected in this window.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretSetByRunsAppearsMaskedInEveryFormatAndNeverInClear()
    {
        const string Canary = "Canary-H1st<ory>&\"q\"";
        var baseline = _folder.Write("secret.json", """
            { "name": "secret", "resources": [ { "id": "token", "type": "registry",
                "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "values": { "ApiToken": { "kind": "string", "data": "${Token}" } } } } ] }
            """);
        var snapshot = _folder.Write("secret-host.json", """{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Vendor": { "ApiToken": { "kind": "string", "data": "old" } } } }""");
        for (var day = 3; day >= 1; day--)
        {
            Assert.Equal(0, At(Now.AddDays(-day), "apply", baseline, "--snapshot", snapshot, "--var-secret", "Token=" + Canary).Exit);
            var host = JObject.Parse(File.ReadAllText(snapshot));
            host["registry"]!["HKLM\\SOFTWARE\\Vendor"]!["ApiToken"]!["data"] = "old";
            File.WriteAllText(snapshot, host.ToString());
        }

        foreach (var format in new[] { "text", "json", "markdown", "html" })
        {
            var (exit, output, err) = At(Now, "history", "--output", format);

            Assert.Equal(0, exit);
            Assert.DoesNotContain("Canary", output + err, StringComparison.Ordinal);
            Assert.Contains("***", output, StringComparison.Ordinal);
        }

        var fought = Setting(HistoryJson(), "token", "ApiToken");
        Assert.True((bool)fought["foughtOver"]!);
        Assert.All(fought["corrections"]!, c => Assert.Equal("***", (string)c["intended"]!));
        Assert.All(fought["corrections"]!, c => Assert.Equal("old", (string)c["previous"]!));
    }

    [Theory]
    [InlineData("history", "--since", "soon", "--since soon: give a duration of at least 1m")]
    [InlineData("history", "--output", "junit", "--output junit: use text, json, markdown or html.")]
    [InlineData("history", "dpm.json", "", "history takes no baseline or other argument; got dpm.json.")]
    [InlineData("apply", "--output", "html", "--output html: use text, json or junit.")]
    [InlineData("apply", "--keep", "1h", "--keep 1h: give a duration of at least 1d")]
    [InlineData("test", "--keep", "90d", "--keep is not an option of test")]
    public void WrongOptionsAreOneSentence(string verb, string option, string value, string expected)
    {
        string[] args = verb == "history" ? [verb, option, value] : [verb, "b.json", option, value];
        var (exit, _, err) = At(Now, [.. args.Where(a => a.Length > 0)]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void ASettingGivenSeveralValuesByOneRunIsCorrectedOnceInEveryFormat()
    {
        var baseline = _folder.Write("rights.json", """
            { "name": "rights", "resources": [ { "id": "logon", "type": "userRight", "properties": {
                "right": "SeServiceLogonRight", "identities": ["CONTOSO\\a", "CONTOSO\\b", "CONTOSO\\c"] } } ] }
            """);
        var host = _folder.Write("rights-host.json", """{ "computerName": "H" }""");
        var runId = (string)JObject.Parse(At(Now.AddHours(-1), "apply", baseline, "--snapshot", host, "--output", "json").Out)["runId"]!;

        var text = At(Now, "history").Out;
        var json = JObject.Parse(At(Now, "history", "--output", "json").Out);
        var markdown = At(Now, "history", "--output", "markdown").Out;
        var html = At(Now, "history", "--output", "html").Out;

        // One run gave the right three accounts: three value lines, one correction, and nothing "fought over" said of it.
        Assert.Contains($"rights / logon / identities (userRight) on H: corrected 1 time, last 2026-12-07T11:00:00Z by run {runId} (apply)", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.Contains($"run {runId} (apply): (absent) -> CONTOSO", StringComparison.Ordinal)));
        var setting = (JObject)json["settings"]!.Single();
        Assert.Equal((1, 3, false), ((int)setting["corrected"]!, ((JArray)setting["corrections"]!).Count, (bool)setting["foughtOver"]!));
        Assert.Contains("| H | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("data-corrected=\"1\"", html, StringComparison.Ordinal);
    }
}
