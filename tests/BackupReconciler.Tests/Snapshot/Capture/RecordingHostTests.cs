using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Snapshot.Capture;

/// <summary>
/// The snapshot verb end to end, from a sample snapshot standing in for a live server: what a baseline
/// reads is captured, and planning the baseline against the capture finds what planning against the
/// server finds.
/// </summary>
public sealed class RecordingHostTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("dpm-server", "drifted")]
    [InlineData("dpm-server", "compliant")]
    [InlineData("dpm-protected-server", "drifted")]
    [InlineData("system-state", "drifted")]
    [InlineData("system-state", "compliant")]
    public void PlanningAgainstACaptureFindsWhatPlanningAgainstTheServerFinds(string baseline, string state)
    {
        var sample = Repository.File($"samples/{baseline}.{state}.json");
        var vars = Repository.File($"samples/{baseline}.vars.json");
        string[] varArgs = File.Exists(vars) ? ["--vars", vars] : [];
        var capture = _folder.Combine("capture.json");

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), ["snapshot", Repository.File($"baselines/{baseline}.json"), "--snapshot", sample, "--out", capture, .. varArgs]);

        Assert.True(exit == 0, err);
        Assert.Equal(Statuses(sample, baseline, varArgs), Statuses(capture, baseline, varArgs));
    }

    [Fact]
    public void WithoutABaselineTheVolumesShadowStorageAndAntivirusAreCaptured()
    {
        var capture = _folder.Combine("capture.json");

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), "snapshot", "--snapshot", Repository.File("samples/mars-agent.drifted.json"), "--out", capture);

        Assert.True(exit == 0, err);
        var host = SnapshotHost.Load(capture);
        var original = SnapshotHost.Load(Repository.File("samples/mars-agent.drifted.json"));
        Assert.Equal(original.Volumes.ReadAll(), host.Volumes.ReadAll());
        Assert.Equal(original.ShadowStorage.ReadFor("C:"), host.ShadowStorage.ReadFor("C:"));
        Assert.Equal(original.Antivirus.Read().Processes, host.Antivirus.Read().Processes);
        Assert.False(JObject.Parse(File.ReadAllText(capture)).ContainsKey("registry"));
    }

    [Fact]
    public void ACaptureChangesNothingOnTheHostItReads()
    {
        var sample = _folder.Combine("server.json");
        File.Copy(Repository.File("samples/dpm-server.drifted.json"), sample);
        var before = File.ReadAllBytes(sample);

        CliRun.Run(_folder.Combine("state"), "snapshot", Repository.File("baselines/dpm-server.json"), "--snapshot", sample, "--vars", Repository.File("samples/dpm-server.vars.json"), "--out", _folder.Combine("capture.json"));

        Assert.Equal(before, File.ReadAllBytes(sample));
    }

    [Fact]
    public void APartThatCannotBeReadIsLeftOutAndFailsTheExitCode()
    {
        var sample = _folder.Write("server.json", """
            { "snapshotVersion": 1, "computerName": "H", "volumes": { "C:": { "sizeBytes": 100, "freeBytes": 50 } },
              "faults": [ { "operation": "read", "target": "antivirus", "message": "Access is denied." } ] }
            """);
        var capture = _folder.Combine("capture.json");

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), "snapshot", "--snapshot", sample, "--out", capture);

        Assert.Equal(4, exit);
        Assert.Contains("antivirus exclusions: Access is denied.", err, StringComparison.Ordinal);
        Assert.Single(SnapshotHost.Load(capture).Volumes.ReadAll());
    }

    public void Dispose() => _folder.Dispose();

    private string Statuses(string snapshot, string baseline, string[] varArgs)
    {
        var (_, output, _) = CliRun.Run(_folder.Combine("state"), ["plan", Repository.File($"baselines/{baseline}.json"), "--snapshot", snapshot, "--output", "json", .. varArgs]);
        var report = JObject.Parse(output);
        return string.Join("; ", report["resources"]!.Select(r => $"{r["id"]}={r["status"]}:{r["differences"]!.ToString(Newtonsoft.Json.Formatting.None)}"));
    }
}
