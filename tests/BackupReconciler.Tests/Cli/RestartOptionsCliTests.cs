using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

/// <summary>--restart-window and --restart-now on the command line, and how a deferred restart is reported.</summary>
public sealed class RestartOptionsCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (string Baseline, string Snapshot) Files()
    {
        var baseline = _folder.Write("b.json", """
            { "name": "b", "resources": [ { "id": "timeout", "type": "registry", "restartServices": ["DPMRA"],
              "properties": { "key": "HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Agent",
                              "values": { "ConnectionNoActivityTimeout": { "kind": "dword", "data": 7200 } } } } ] }
            """);
        var snapshot = _folder.Write("s.json", """
            { "computerName": "DPM01",
              "services": { "DPMRA": { "startType": "automatic", "state": "running" } },
              "backupActivity": { "running": [ { "kind": "sqlAgentJob", "name": "00890b12", "detail": "MSDPM2012" } ] } }
            """);
        return (baseline, snapshot);
    }

    [Fact]
    public void ADeferredRestartIsReportedWithWhatRunsAndAddsEightToTheDetailedExitCode()
    {
        var (baseline, snapshot) = Files();

        var (exit, output, err) = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot, "--output", "json", "--detailed-exitcodes");

        Assert.True(exit == 10, output + err);
        var restart = JObject.Parse(output)["restarts"]![0]!;
        Assert.Equal("deferred", (string?)restart["status"]);
        Assert.Contains("SQL Server Agent job '00890b12' on MSDPM2012", (string?)restart["running"]![0]);
        Assert.Contains("backup work that needs it is running", (string?)restart["waiting"]);
    }

    [Fact]
    public void RestartNowRestartsAndTheTextReportSaysItDidNotWait()
    {
        var (baseline, snapshot) = Files();

        var (exit, output, _) = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot, "--restart-now");

        Assert.Equal(0, exit);
        Assert.Contains("DPMRA: restarted", output);
        Assert.Contains("--restart-now: the restarts of DPMRA did not wait for the backup work that needs them", output);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("plan")]
    public void ARestartARunBeforeDeferredThatWouldBeDoneNowIsAChangeNotCompliance(string verb)
    {
        // Every resource is compliant after the first apply; only its restart waits. Once the backup work is
        // over, apply would restart DPMRA: exit 0 would tell Intune's detection and Ansible's check mode that
        // there is nothing to run, and nothing would ever do the restart.
        var (baseline, snapshot) = Files();
        CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot);
        var idle = JObject.Parse(File.ReadAllText(snapshot));
        idle.Remove("backupActivity");
        File.WriteAllText(snapshot, idle.ToString());

        var (exit, output, err) = CliRun.Run(_folder.Combine("state"), verb, baseline, "--snapshot", snapshot, "--output", "json");

        Assert.True(exit == 2, output + err);
        var report = JObject.Parse(output);
        Assert.Equal(1, (int)report["summary"]!["compliant"]!);
        Assert.Equal("planned", (string?)report["restarts"]![0]!["status"]);
        var apply = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes");
        Assert.Equal(2, apply.Exit);
    }

    [Fact]
    public void PlanShowsARestartARunBeforeDeferred()
    {
        var (baseline, snapshot) = Files();
        CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot);

        var (exit, output, _) = CliRun.Run(_folder.Combine("state"), "plan", baseline, "--snapshot", snapshot, "--output", "json");

        Assert.Equal(8, exit);
        var restart = JObject.Parse(output)["restarts"]![0]!;
        Assert.Equal("deferred", (string?)restart["status"]);
        Assert.StartsWith("requested by timeout (deferred by run ", (string?)restart["reason"]);
    }

    [Theory]
    [InlineData("plan", "--restart-now", "--restart-now is not an option of plan")]
    [InlineData("apply", "--restart-window", "--restart-window needs a value")]
    public void RestartOptionsOutsideTheirVerbsOrWithoutValuesAreUserErrors(string verb, string option, string expected)
    {
        var (baseline, snapshot) = Files();

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), verb, baseline, "--snapshot", snapshot, option);

        Assert.Equal(1, exit);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void AMalformedWindowSaysHowToWriteIt()
    {
        var (baseline, snapshot) = Files();

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), "plan", baseline, "--snapshot", snapshot, "--restart-window", "10pm-4am");

        Assert.Equal(1, exit);
        Assert.Contains("--restart-window 10pm-4am: give two different host-local times as HH:MM-HH:MM", err);
    }
}
