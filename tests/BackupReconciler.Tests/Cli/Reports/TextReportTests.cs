using System.Text.RegularExpressions;
using BackupReconciler.Cli.Reports;
using BackupReconciler.Engine;
using BackupReconciler.Resources.ShadowStorage;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Reports;

public sealed partial class TextReportTests
{
    private const string DpmReference = "000_4b8fb8a1776333a5.txt (KB 4456295, Check network and firewall settings)";
    private const string MarsReference = "003_75182e73a6ab4ba4.txt (Increase shadow copy storage); 004_2de3770e29f1c242.txt (Insufficient disk space to grow shadow copies)";

    private static RunResult Run(params ResourceResult[] resources) => Run(true, DateTimeOffset.UnixEpoch, resources);

    // Built afresh, never with "with": a run's summary is counted from its resources when it is made.
    private static RunResult Run(bool whatIf, DateTimeOffset startedAt, params ResourceResult[] resources) =>
        new("plan", "20261122T010000Z-abcd", whatIf, "b", "H", startedAt, TimeSpan.FromMilliseconds(5), resources, [], []);

    private static ResourceResult Resource(string id, string type, ResourceStatus status, params Difference[] differences) =>
        new(id, type, status, DpmReference, $"why {id}", differences, status is ResourceStatus.Failed or ResourceStatus.PredictedFailure ? "it broke" : null);

    private static IEnumerable<string> ResourceLines(string report) =>
        report.Split('\n').Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("      ", StringComparison.Ordinal));

    [Fact]
    public void TheStatusColumnLinesUpWhateverTheLengthOfTheTypeNames()
    {
        var run = Run(
            Resource("a", "registry", ResourceStatus.Compliant),
            Resource("a-much-longer-resource-id", "aVeryLongResourceTypeNameOfSomeFutureKind", ResourceStatus.Drifted, TestDifference.Of("x", 1, 2)),
            Resource("mid", "service", ResourceStatus.Failed));

        foreach (var style in new[] { TextStyle.Plain, new TextStyle(true, false) })
        {
            var lines = ResourceLines(Strip(TextReport.Render(run, 6, style))).ToList();

            Assert.Equal(3, lines.Count);
            Assert.Single(lines.Select(l => Regex.Match(l, @"(compliant|drifted|failed)").Index).Distinct());
            Assert.Single(lines.Select(l => Regex.Match(l, "(registry|aVeryLongResourceTypeNameOfSomeFutureKind|service)").Index).Distinct());
        }
    }

    [Fact]
    public void MarksSayWhatApplyDoesAsTerraformMarksThem()
    {
        var run = Run(
            Resource("created", "firewallRule", ResourceStatus.Drifted, TestDifference.Of("rule", null, new JObject { ["name"] = "R" })),
            Resource("changed", "registry", ResourceStatus.Drifted, TestDifference.Of("A", 1, 2), TestDifference.Of("B", null, 3)),
            Resource("removed", "jsonFile", ResourceStatus.Changed, TestDifference.Of("member", "x", null)),
            Resource("manual", "eventLogQuiet", ResourceStatus.Manual, TestDifference.Manual("events", "2 events", "none", "look")),
            Resource("failed", "service", ResourceStatus.Failed),
            Resource("predicted", "tempFiles", ResourceStatus.PredictedFailure),
            Resource("ok", "service", ResourceStatus.Compliant));

        var marks = ResourceLines(TextReport.Render(run, 6)).ToDictionary(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], l => l[2]);

        Assert.Equal(new Dictionary<string, char> { ["created"] = '+', ["changed"] = '~', ["removed"] = '-', ["manual"] = '!', ["failed"] = '✗', ["predicted"] = '?', ["ok"] = '✓' }, marks);
    }

    [Fact]
    public void EachDifferenceIsMarkedAddedChangedRemovedOrManual()
    {
        var text = TextReport.Render(Run(Resource("r", "registry", ResourceStatus.Drifted,
            TestDifference.Of("Added", null, 16), TestDifference.Of("Changed", 600, 7200), TestDifference.Of("Gone", "x", null), TestDifference.Manual("Audit", 1, 2, "a person's"))), 2);

        Assert.Contains("      + Added:   16\n", text, StringComparison.Ordinal);
        Assert.Contains("      ~ Changed: 600 → 7200\n", text, StringComparison.Ordinal);
        Assert.Contains("      - Gone:    x\n", text, StringComparison.Ordinal);
        Assert.Contains("      ! Audit:   1; wanted: 2  [manual]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsAreShownItemByItemAndNeverAsJsonWithDoubledBackslashes()
    {
        var text = TextReport.Render(Run(Resource("av", "antivirusExclusion", ResourceStatus.Drifted,
            TestDifference.Of("paths", new JArray(@"C:\Kept", @"C:\Old"), new JArray(@"C:\Kept", @"C:\Program Files\New")))), 2);

        Assert.Contains("      ~ paths:\n", text, StringComparison.Ordinal);
        Assert.Contains("            C:\\Kept\n", text, StringComparison.Ordinal);
        Assert.Contains("          + C:\\Program Files\\New\n", text, StringComparison.Ordinal);
        Assert.Contains("          - C:\\Old\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnitFailuresUseTheSameFormsAndSayWhy()
    {
        var xml = System.Xml.Linq.XDocument.Parse(JUnitReport.Render(Run(Resource("av", "antivirusExclusion", ResourceStatus.Drifted,
            TestDifference.Of("paths", new JArray(), new JArray(@"C:\Program Files\New"))))));

        var failure = xml.Descendants("failure").Single().Value;
        Assert.Equal("~ paths:\n    + C:\\Program Files\\New\nwhy: why av", failure);
    }

    [Fact]
    public void APathListIsShownAsItsEntries()
    {
        var text = TextReport.Render(Run(Resource("p", "pathList", ResourceStatus.Drifted, TestDifference.Of("PSModulePath", @"C:\A;C:\B", @"C:\A;C:\B;C:\New"))), 2);

        Assert.Contains("      ~ PSModulePath:\n            C:\\A\n            C:\\B\n          + C:\\New\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingRuleIsShownAsItsSettingsOneALineWithItsListsAsItems()
    {
        var rule = new JObject { ["name"] = "SMB (TCP-In)", ["enabled"] = true, ["localPorts"] = new JArray("139", "445"), ["remoteAddresses"] = new JArray("10.0.0.21") };

        var text = TextReport.Render(Run(Resource("fw", "firewallRule", ResourceStatus.Drifted, TestDifference.Of("rule", null, rule))), 2);

        Assert.Contains("""
                  + rule:
                        name:            SMB (TCP-In)
                        enabled:         true
                        localPorts:      139, 445
                        remoteAddresses: 10.0.0.21

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShadowStorageSizesAreInBinaryUnits()
    {
        var text = TextReport.Render(Run(Resource("s", "shadowStorage", ResourceStatus.Drifted, TestDifference.Of("maxSize", new SizeLimitValue(1073741824L), new SizeLimitValue(53687091200L)))), 2);

        Assert.Contains("~ maxSize: 1 GiB → 50 GiB", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1000, "1000 bytes")]
    [InlineData(1024, "1 KiB")]
    [InlineData(1536, "1.5 KiB (1536 bytes)")]
    [InlineData(53687091200, "50 GiB")]
    [InlineData(1099511627776, "1 TiB")]
    public void AByteCountIsExactOrSaysItsExactValue(long bytes, string expected) =>
        Assert.Equal(expected, DifferenceText.Bytes(bytes));

    [Fact]
    public void WhyAndReferenceAreUnderEveryResourceThatIsNotCompliantAndUnderCompliantOnesWhenVerbose()
    {
        var run = Run(
            Resource("drifted", "registry", ResourceStatus.Drifted, TestDifference.Of("A", 1, 2)),
            Resource("manual", "registry", ResourceStatus.Manual, TestDifference.Manual("A", 1, 2, "r")),
            Resource("failed", "registry", ResourceStatus.Failed),
            Resource("compliant", "registry", ResourceStatus.Compliant) with { Reference = MarsReference });

        var plain = TextReport.Render(run, 6);
        var verbose = TextReport.Render(run, 6, new TextStyle(false, true));

        foreach (var id in new[] { "drifted", "manual", "failed" })
        {
            Assert.Contains($"      why: why {id}\n      see: KB 4456295 · Troubleshoot scheduled backup job failures in Data Protection Manager · Check network and firewall settings\n", plain, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("why compliant", plain, StringComparison.Ordinal);
        Assert.Contains("""
                  why: why compliant
                  see: Troubleshoot the Microsoft Azure Recovery Services (MARS) agent · Increase shadow copy storage · https://docs.microsoft.com/azure/backup/backup-azure-mars-troubleshoot
                  also: Troubleshoot System State Backup · Insufficient disk space to grow shadow copies

            """.Replace("\r\n", "\n", StringComparison.Ordinal), verbose, StringComparison.Ordinal);
    }

    [Fact]
    public void ColourIsOnlyWhereTheStyleAsksForIt()
    {
        var run = Run(Resource("d", "registry", ResourceStatus.Drifted, TestDifference.Of("A", 1, 2)));

        Assert.DoesNotContain('\u001b', TextReport.Render(run, 2));
        Assert.Contains("\u001b[33m~\u001b[0m", TextReport.Render(run, 2, new TextStyle(true, false)), StringComparison.Ordinal);
    }

    [Fact]
    public void AWhatIfIdIsNotPresentedAsARecordedRun()
    {
        var header = TextReport.Render(Run(), 0).Split('\n')[0];

        Assert.Equal("plan b on H · what-if, nothing changed · id 20261122T010000Z-abcd (what-if: not recorded)", header);
        Assert.Equal("run 20261122T010000Z-abcd", TextReport.RunLabel(Run(false, DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void AWatchLineSaysWhenWhichBaselineAndWhatHappenedInWords()
    {
        var at = new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero);
        var changed = Run(false, at, Resource("r", "registry", ResourceStatus.Changed, TestDifference.Of("A", 1, 2)));
        var failed = Run(false, at, Resource("r", "registry", ResourceStatus.Failed));
        var nothing = Run(false, at, Resource("r", "registry", ResourceStatus.Compliant));
        var drift = Run(Resource("r", "registry", ResourceStatus.Drifted, TestDifference.Of("A", 1, 2)), Resource("m", "registry", ResourceStatus.Manual, TestDifference.Manual("A", 1, 2, "r")));

        Assert.StartsWith("2026-11-22T01:02:03Z  b: changes made · 1 resources: 0 compliant, 0 drifted, 1 changed", WatchLine.Of(changed), StringComparison.Ordinal);
        Assert.EndsWith("· run 20261122T010000Z-abcd", WatchLine.Of(changed), StringComparison.Ordinal);
        Assert.Contains("  b: failures · ", WatchLine.Of(failed), StringComparison.Ordinal);
        Assert.Contains("  b: no changes, in the desired state · ", WatchLine.Of(nothing), StringComparison.Ordinal);
        Assert.Contains("  b: drift found (what-if: nothing changed), manual findings · ", WatchLine.Of(drift), StringComparison.Ordinal);
        Assert.DoesNotContain("exit", WatchLine.Of(changed), StringComparison.Ordinal);
    }

    private static string Strip(string text) => Escapes().Replace(text, "");

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Escapes();
}
