using System.Text;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, item 4, as generated cases: a real process applying four registry resources to a snapshot
/// is killed with SIGKILL once its journal has 1, 2, … 9 lines (every line of the run but the last).
/// Wherever it dies, every change the journal records as done is on the host, nothing the journal never
/// began is, undo takes back exactly what was done, and a rerun converges.
/// </summary>
public sealed class KillAnywhereTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Values that make each write-back take milliseconds, so that kills land between journal lines.</summary>
    private const int Padding = 40_000;

    public const int Resources = 4;

    /// <summary>start, before and after for each resource, end.</summary>
    public const int JournalLines = 2 + (2 * Resources);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    public static TheoryData<int> KillPoints() => new(Enumerable.Range(1, JournalLines - 1));

    /// <param name="filler">Characters added to each padding value, for a file that takes longer to read without more values than the reader allows.</param>
    public static string PaddedSnapshot(int resources, int padding, int filler = 0)
    {
        var text = new StringBuilder("{ \"computerName\": \"K1\", \"registry\": {\n");
        for (var r = 1; r <= resources; r++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  \"HKLM\\\\SOFTWARE\\\\R{r}\": {{ \"V\": {{ \"kind\": \"dword\", \"data\": 1 }} }},\n");
        }

        text.Append("  \"HKLM\\\\SOFTWARE\\\\Padding\": {");
        text.AppendJoin(",", Enumerable.Range(0, padding).Select(i => $"\"P{i}\": {{ \"kind\": \"string\", \"data\": \"padding value {i}{new string('x', filler)}\" }}"));
        return text.Append("} } }\n").ToString();
    }

    public static string Baseline(int resources) =>
        "{ \"name\": \"killed\", \"resources\": [" + string.Join(",", Enumerable.Range(1, resources).Select(r =>
            $"{{ \"id\": \"r{r}\", \"type\": \"registry\", \"properties\": {{ \"key\": \"HKLM\\\\SOFTWARE\\\\R{r}\", \"values\": {{ \"V\": {{ \"kind\": \"dword\", \"data\": 2 }} }} }} }}")) + "] }";

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void KilledOnceItsJournalHasNLinesTheHostHoldsExactlyWhatTheJournalCallsDone(int lines)
    {
        var snapshot = _folder.Write("s.json", PaddedSnapshot(Resources, Padding));
        var baseline = _folder.Write("b.json", Baseline(Resources));
        var runs = Path.Combine(State, "runs");
        string? journal = null;

        using (var process = new RealProcess("apply", baseline, "--snapshot", snapshot, "--state-dir", State))
        {
            var reached = process.WaitFor(() =>
            {
                journal ??= Directory.Exists(runs) ? Directory.GetFiles(runs, "*.jsonl").FirstOrDefault() : null;
                return journal is not null && RealProcess.ReadShared(journal).Count(c => c == '\n') >= lines;
            }, TimeSpan.FromMinutes(2));
            Assert.True(reached, "the run ended before its journal had " + lines + " lines");
            process.Kill();
        }

        var entries = RealProcess.ReadShared(journal!).Split('\n').SkipLast(1).Select(JObject.Parse).ToList();
        output.WriteLine($"killed once the journal had {lines} lines; it holds {entries.Count}");
        var done = entries.Where(e => (string?)e["event"] == "after" && (string?)e["outcome"] == "changed").Select(e => (string)e["resource"]!).ToHashSet();
        var begun = entries.Where(e => (string?)e["event"] == "before").Select(e => (string)e["resource"]!).ToHashSet();
        var host = Values(snapshot);
        for (var r = 1; r <= Resources; r++)
        {
            if (done.Contains($"r{r}"))
            {
                Assert.True(host[r] == 2, $"killed at {entries.Count} lines: the journal says r{r} changed, the snapshot still holds {host[r]}");
            }

            if (!begun.Contains($"r{r}"))
            {
                Assert.True(host[r] == 1, $"killed at {entries.Count} lines: r{r} changed on the host although the journal never began it");
            }
        }

        var runId = Path.GetFileNameWithoutExtension(journal!);
        var undo = CliRun.Run(State, "undo", runId, "--snapshot", snapshot);
        Assert.True(undo.Exit == 0, undo.Out + undo.Err);
        Assert.All(Values(snapshot).Values, v => Assert.Equal(1, v));

        Assert.Equal(2, CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes").Exit);
        Assert.Equal(0, CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes").Exit);
        Assert.All(Values(snapshot).Values, v => Assert.Equal(2, v));
    }

    private static Dictionary<int, int> Values(string snapshot)
    {
        var registry = JObject.Parse(File.ReadAllText(snapshot))["registry"]!;
        return Enumerable.Range(1, Resources).ToDictionary(r => r, r => (int)registry[$"HKLM\\SOFTWARE\\R{r}"]!["V"]!["data"]!);
    }
}
