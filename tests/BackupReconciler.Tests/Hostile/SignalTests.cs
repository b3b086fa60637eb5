using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, item 6, on a real process: SIGTERM ends a verb that only reads at once; an applying verb
/// finishes the resource in progress, skips the rest, writes its journal's end line as interrupted, exits.
/// </summary>
public sealed class SignalTests(Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    [OnLinuxFact("the signal is sent with kill(1)")]
    public void SigtermEndsAReadOnlyVerbAtOnce()
    {
        // Near the 64 MiB a snapshot may have (63 MB), so that even the Native AOT build is still reading it when
        // the signal lands: it reads 42 MB in under 700 ms.
        var snapshot = _folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(1, 300_000, filler: 150));
        var baseline = _folder.Write("b.json", KillAnywhereTests.Baseline(1));
        using var process = new RealProcess("plan", baseline, "--snapshot", snapshot, "--state-dir", State);
        Thread.Sleep(400);
        Assert.False(process.HasExited, "plan ended before the signal; the test proves nothing");

        process.Signal(15);
        var (exit, output, _, took) = process.Wait(TimeSpan.FromSeconds(30));

        log.WriteLine($"plan ended {took.TotalMilliseconds:F0} ms after SIGTERM, exit {exit}");
        Assert.Equal(143, exit);
        Assert.Equal("", output);
        Assert.True(took < TimeSpan.FromSeconds(2), $"plan took {took} to end after SIGTERM");
    }

    [OnLinuxFact("the signal is sent with kill(1)")]
    public void SigtermDuringApplyFinishesTheResourceInProgressAndRecordsTheRunAsInterrupted()
    {
        var (snapshot, baseline) = ManyResources();
        using var process = new RealProcess("apply", baseline, "--snapshot", snapshot, "--state-dir", State, "--output", "json");

        var (exit, output, _, journal) = SignalWhileChangingTheFirstResource(process, Path.Combine(State, "runs"), "apply");

        var before = Resources(journal, "before");
        Assert.Equal("end", (string?)journal[^1]["event"]);
        var report = JObject.Parse(output);
        Assert.All(report["resources"]!.Where(r => !before.Contains((string)r["id"]!)), r =>
            Assert.Equal("not run: the run was stopped (Ctrl+C or SIGTERM) after the resource in progress", (string?)r["error"]));
        Assert.Equal(4, exit);
        Assert.Contains("STOPPED on request", CliRun.Run(State, "runs").Out, StringComparison.Ordinal);
    }

    [OnLinuxFact("the signal is sent with kill(1)")]
    public void SigtermDuringDscSetFinishesTheResourceInProgressAndSaysSetFailed()
    {
        // DSC's set is an apply: the same signal must leave no resource half-changed and must not read as success.
        var (snapshot, baseline) = ManyResources();
        var instance = new JObject { ["baseline"] = baseline, ["snapshot"] = snapshot }.ToString(Newtonsoft.Json.Formatting.None);
        var xdg = _folder.Combine("xdg");
        using var process = new RealProcess(new Dictionary<string, string> { ["XDG_STATE_HOME"] = xdg }, "dsc", "set", "--input", instance);

        var (exit, output, error, _) = SignalWhileChangingTheFirstResource(process, Path.Combine(xdg, "backup-reconciler", "runs"), "dsc set");

        Assert.Equal(4, exit);
        Assert.False(JObject.Parse(output.Split('\n')[0])["_inDesiredState"]!.Value<bool>());
        Assert.Contains("set was stopped (Ctrl+C or SIGTERM) after the resource in progress", error, StringComparison.Ordinal);
    }

    private (string Snapshot, string Baseline) ManyResources() =>
        (_folder.Write("s.json", KillAnywhereTests.PaddedSnapshot(KillAnywhereTests.Resources, 40_000)),
         _folder.Write("b.json", KillAnywhereTests.Baseline(KillAnywhereTests.Resources)));

    /// <summary>
    /// Sends SIGTERM once the run has journaled that it is changing r1, and checks what every applying verb must
    /// do then: finish that resource, run no other, end its journal as interrupted.
    /// </summary>
    private (int Exit, string Out, string Err, List<JObject> Journal) SignalWhileChangingTheFirstResource(RealProcess process, string runs, string verb)
    {
        string? path = null;
        process.WaitFor(() =>
        {
            path ??= Directory.Exists(runs) ? Directory.GetFiles(runs, "*.jsonl").FirstOrDefault() : null;
            return path is not null && RealProcess.ReadShared(path).Contains("\"event\":\"before\",\"resource\":\"r1\"", StringComparison.Ordinal);
        }, TimeSpan.FromMinutes(2));

        process.Signal(15);
        var (exit, output, error, _) = process.Wait(TimeSpan.FromMinutes(1));

        var journal = File.ReadAllLines(path!).Select(JObject.Parse).ToList();
        var before = Resources(journal, "before");
        log.WriteLine($"{verb} stopped after {string.Join(", ", before)} of {KillAnywhereTests.Resources} resources, exit {exit}");
        Assert.Equal(before, Resources(journal, "after")); // the resource in progress finished
        Assert.True(before.Count < KillAnywhereTests.Resources, "every resource ran; the signal was not honoured");
        Assert.True((bool)journal[^1]["interrupted"]!);
        return (exit, output, error, journal);
    }

    private static List<string> Resources(List<JObject> journal, string lineEvent) =>
        journal.Where(e => (string?)e["event"] == lineEvent).Select(e => (string)e["resource"]!).ToList();
}
