using BackupReconciler.Cli;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Fleet;

/// <summary>The fleet view: counts per role and resource, the newest report per host, stale hosts, and every problem file listed.</summary>
public sealed class FleetReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static (int Exit, string Out, string Err) Report(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, new FixedClock(Now)).Run(["report", .. args]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string HostReport(string host, string baseline, DateTimeOffset startedAt, params (string Id, string Status)[] resources) => new JObject
    {
        ["schemaVersion"] = 1,
        ["command"] = "test",
        ["runId"] = "r",
        ["whatIf"] = true,
        ["baseline"] = baseline,
        ["host"] = host,
        ["startedAt"] = startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["durationMs"] = 40,
        ["resources"] = new JArray(resources.Select(r => new JObject
        {
            ["id"] = r.Id,
            ["type"] = "registry",
            ["status"] = r.Status,
            // Fields added by later versions are ignored, never required.
            ["differences"] = new JArray(new JObject { ["property"] = "x", ["action"] = "change" }),
        })),
    }.ToString();

    [Fact]
    public void OverGeneratedFleetsEveryHostIsCountedOnceInTheBucketOfItsStatus()
    {
        string[] statuses = ["compliant", "drifted", "manual", "failed", "changed", "skipped", "predicted failure"];
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed);
            using var folder = new TempFolder();
            var expected = new Dictionary<(string Role, string Id, string Bucket), int>();
            var hosts = random.Next(1, 60);
            for (var h = 0; h < hosts; h++)
            {
                var role = $"role{random.Next(3)}";
                var resources = Enumerable.Range(0, 4).Select(i => ($"res{i}", statuses[random.Next(statuses.Length)])).ToArray();
                foreach (var (id, status) in resources)
                {
                    var bucket = status == "predicted failure" ? "other" : status;
                    expected[(role, id, bucket)] = expected.GetValueOrDefault((role, id, bucket)) + 1;
                }

                folder.Write($"h{h}/report.json", HostReport($"HOST{h:000}", role, Now.AddHours(-random.Next(300)), resources));
            }

            var (exit, stdout, stderr) = Report(folder.Path, "--output", "json");
            Assert.True(exit != 1, stderr);
            var view = JObject.Parse(stdout);
            Assert.Equal(hosts, (int)view["summary"]!["hosts"]!);
            foreach (var role in view["roles"]!)
            {
                foreach (var resource in role["resources"]!)
                {
                    foreach (var count in ((JObject)resource["counts"]!).Properties())
                    {
                        var want = expected.GetValueOrDefault(((string)role["baseline"]!, (string)resource["id"]!, count.Name));
                        Assert.Equal(want, (int)count.Value);
                        Assert.Equal(want, resource["hosts"]![count.Name]?.Count() ?? 0);
                    }

                    Assert.Equal((int)role["hosts"]!, ((JObject)resource["counts"]!).Properties().Sum(p => (int)p.Value));
                }
            }
        }
    }

    [Fact]
    public void TheNewestReportOfAHostAndBaselineWinsAndTheOlderIsListedAsSuperseded()
    {
        using var folder = new TempFolder();
        var old = folder.Write("a/old.json", HostReport("dpm01", "dpm-server", Now.AddDays(-2), ("r", "drifted")));
        folder.Write("b/new.json", HostReport("DPM01", "dpm-server", Now.AddHours(-1), ("r", "compliant")));
        var (exit, stdout, _) = Report(folder.Path, "--output", "json");
        var view = JObject.Parse(stdout);
        Assert.Equal(0, exit);
        Assert.Equal(1, (int)view["summary"]!["hosts"]!);
        Assert.Equal("compliant", (string)view["hosts"]![0]!["status"]!);
        Assert.Equal([old], view["superseded"]!.Select(t => (string)t!));
    }

    [Fact]
    public void DamagedFilesReportsOfOtherVersionsAndNonComplianceReportsAreListedNeverDropped()
    {
        using var folder = new TempFolder();
        folder.Write("good.json", HostReport("H1", "mars-agent", Now, ("r", "compliant")));
        var truncated = folder.Write("truncated.json", HostReport("H2", "mars-agent", Now, ("r", "compliant"))[..40]);
        var binary = folder.Write("binary.json", "\u0001\u0002garbage");
        var array = folder.Write("array.json", "[1, 2]");
        var newer = folder.Write("v2.json", HostReport("H3", "mars-agent", Now, ("r", "drifted")).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));
        var get = folder.Write("get.json", "{\"schemaVersion\": 1, \"command\": \"get\", \"host\": \"H4\", \"baseline\": \"b\", \"resources\": []}");
        folder.Write("notes.txt", "not a report, and not named *.json");
        var (exit, stdout, _) = Report(folder.Path, "--output", "json");
        var view = JObject.Parse(stdout);
        var problems = view["problems"]!.ToDictionary(p => (string)p["file"]!, p => (string)p["kind"]!);
        Assert.Equal("unreadable", problems[truncated]);
        Assert.Equal("unreadable", problems[binary]);
        Assert.Equal("unreadable", problems[array]);
        Assert.Equal("other version", problems[newer]);
        Assert.Equal("not a compliance report", problems[get]);
        Assert.Equal(5, problems.Count);
        Assert.Equal(6, (int)view["files"]!);
        // The version-2 report is still read: its host counts, drifted.
        Assert.Equal(["H1", "H3"], view["hosts"]!.Select(h => (string)h["host"]!));
        Assert.Equal(6, exit);
        var text = Report(folder.Path).Out;
        Assert.Contains($"{truncated}: unreadable:", text);
    }

    [Fact]
    public void AnUnknownStatusIsCountedAsOtherWithTheStatusAsReported()
    {
        using var folder = new TempFolder();
        folder.Write("h.json", HostReport("H1", "sql", Now, ("jobs", "predicted failure")));
        var view = JObject.Parse(Report(folder.Path, "--output", "json").Out);
        var resource = view["roles"]![0]!["resources"]![0]!;
        Assert.Equal(1, (int)resource["counts"]!["other"]!);
        Assert.Equal("predicted failure", (string)resource["hosts"]!["other"]![0]!["status"]!);
        Assert.Contains("H1 (predicted failure)", Report(folder.Path).Out);
    }

    [Fact]
    public void AHostWithoutAReportWithinStaleAfterIsFlaggedAndMakesTheExitCodeTwo()
    {
        using var folder = new TempFolder();
        folder.Write("fresh.json", HostReport("FRESH", "b", Now.AddHours(-2), ("r", "compliant")));
        folder.Write("old.json", HostReport("OLD", "b", Now.AddDays(-3), ("r", "compliant")));
        var (exit, stdout, _) = Report(folder.Path, "--output", "json", "--stale-after", "2d");
        var hosts = JObject.Parse(stdout)["hosts"]!.ToDictionary(h => (string)h["host"]!, h => (bool)h["stale"]!);
        Assert.False(hosts["FRESH"]);
        Assert.True(hosts["OLD"]);
        Assert.Equal(2, exit);
        Assert.Equal(0, Report(folder.Path, "--stale-after", "7d").Exit);
    }

    [Fact]
    public void TheHtmlViewLoadsNothingFromOutsideAndEscapesWhatReportsSay()
    {
        using var folder = new TempFolder();
        folder.Write("h.json", HostReport("<img src=x onerror=alert(1)>", "b", Now, ("<script>", "drifted")));
        var html = Report(folder.Path, "--output", "html").Out;
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"", html);
        foreach (var outside in new[] { "<script", "<img", "<link", "<iframe", "<object", " src=\"", " href=\"", "url(", "@import" })
        {
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
        }

        var markdown = Report(folder.Path, "--output", "markdown").Out;
        // A backslash before < makes it literal text in Markdown, never a tag.
        Assert.Contains("\\<img src=x", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(" <img", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsTheToolWritesForEveryShippedSampleAreReadWithoutAProblem()
    {
        using var folder = new TempFolder();
        var count = 0;
        foreach (var baseline in Directory.GetFiles(Repository.File("baselines"), "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(baseline);
            foreach (var kind in new[] { "compliant", "drifted" })
            {
                var vars = Repository.File($"samples/{name}.vars.json");
                string[] args = ["test", baseline, "--snapshot", Repository.File($"samples/{name}.{kind}.json"), "--output", "json", "--out", folder.Combine($"reports/{name}-{kind}.json")];
                Directory.CreateDirectory(folder.Combine("reports"));
                CliRun.Run(folder.Combine("state"), File.Exists(vars) ? [.. args, "--vars", vars] : args);
                count++;
            }
        }

        var (exit, stdout, stderr) = Report(folder.Combine("reports"), "--output", "json", "--stale-after", "3650d");
        var view = JObject.Parse(stdout);
        Assert.True(exit is 2 or 6, stderr);
        Assert.Empty(view["problems"]!);
        Assert.Equal(count, (int)view["files"]!);
        Assert.True((int)view["summary"]!["drifted"]! > 0);
    }

    [Fact]
    public void NoReportsOrABadOptionIsExitOneWithOneSentence()
    {
        using var folder = new TempFolder();
        var (exit, _, stderr) = Report(folder.Path);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: no *.json report was found", stderr, StringComparison.Ordinal);
        Assert.Equal(1, Report(folder.Path, "--output", "pdf").Exit);
        Assert.Equal(1, Report(folder.Combine("missing")).Exit);
    }
}
