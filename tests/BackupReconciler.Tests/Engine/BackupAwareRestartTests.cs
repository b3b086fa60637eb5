using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Tests.Engine;

/// <summary>Restarts that wait for running backup work, or for the restart window, and are done by a later run.</summary>
public sealed class BackupAwareRestartTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _state = new();

    /// <summary>MSSQL$DPM ← SQLAgent$DPM ← Reporting, and an unrelated Spooler; restarting any of them for real trips a fault.</summary>
    private static JObject Host(string? running, string utcOffset = "+00:00", bool tripRestarts = true)
    {
        var host = JObject.Parse("""
            { "services": {
                "MSSQL$DPM": { "startType": "automatic", "state": "running" },
                "SQLAgent$DPM": { "startType": "automatic", "state": "running", "dependsOn": ["MSSQL$DPM"] },
                "Reporting": { "startType": "automatic", "state": "running", "dependsOn": ["SQLAgent$DPM"] },
                "Spooler": { "startType": "automatic", "state": "running" } } }
            """);
        host["backupActivity"] = new JObject
        {
            ["utcOffset"] = utcOffset,
            ["running"] = running is null ? new JArray() : JArray.Parse(running),
        };
        if (tripRestarts)
        {
            host["faults"] = JArray.Parse("""
                [ { "operation": "set", "target": "service:MSSQL$DPM", "message": "restarted for real (1)" },
                  { "operation": "set", "target": "service:SQLAgent$DPM", "message": "restarted for real (2)" },
                  { "operation": "set", "target": "service:Reporting", "message": "restarted for real (3)" } ]
                """);
        }

        return host;
    }

    private const string DpmJob = """[ { "kind": "sqlAgentJob", "name": "00890b12-9058-4f42-8143-291dc3de4d78", "detail": "DPM" } ]""";

    private static JArray Resources(params string[] restarts) => new(restarts.Select((service, i) => JObject.Parse($$"""
        { "id": "r{{i}}", "type": "registry", "restartServices": ["{{service}}"],
          "properties": { "key": "HKLM\\SOFTWARE\\R{{i}}", "values": { "V": { "kind": "dword", "data": 1 } } } }
        """)));

    private RunResult Apply(Scenario scenario, DateTimeOffset at, RestartPolicy? policy = null)
    {
        var clock = new FixedClock(at);
        var host = SnapshotHost.Load(scenario.SnapshotPath, clock);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(scenario.BaselinePath, VariableInputs.None, host.Facts);
        return new GuardedRun(_state.Path, clock, new LoggerConfiguration().CreateLogger(), new BackupReconciler.Input.SecretRedactor())
            .Apply(host, baseline, "apply", "apply test", TimeSpan.Zero, restarts: policy);
    }

    private RunResult Plan(Scenario scenario, DateTimeOffset at, RestartPolicy? policy = null)
    {
        var clock = new FixedClock(at);
        var host = SnapshotHost.Load(scenario.SnapshotPath, clock);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(scenario.BaselinePath, VariableInputs.None, host.Facts);
        var restarts = (policy ?? RestartPolicy.Default) with { Pending = PendingRestarts.Read(_state.Path, host.ComputerName) };
        return new Reconciler(host, new LoggerConfiguration().CreateLogger(), clock) { Restarts = restarts }.Run(baseline, "plan", whatIf: true);
    }

    private static void SetHost(Scenario scenario, JObject host)
    {
        host["computerName"] = "HOST01";
        File.WriteAllText(scenario.SnapshotPath, host.ToString());
    }

    [Fact]
    public void WhileADpmJobRunsTheSqlRestartAndItsDependentsAreDeferredNamingTheJob()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(DpmJob));

        var run = Apply(scenario, Noon);

        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], run.Restarts.Select(r => r.Service));
        Assert.All(run.Restarts, r => Assert.Equal(RestartStatus.Deferred, r.Status));
        var sql = run.Restarts.Single(r => r.Service == "MSSQL$DPM");
        Assert.Contains("SQL Server Agent job '00890b12-9058-4f42-8143-291dc3de4d78' on DPM", Assert.Single(sql.Running));
        Assert.Contains("restarted together with", run.Restarts.Single(r => r.Service == "Reporting").Waiting);
        Assert.False(run.RestartFailed);
        Assert.Equal(ExitCodes.Changes | ExitCodes.RestartsDeferred, ExitCodes.Detailed(run));
        Assert.Equal(ExitCodes.NoChanges, ExitCodes.Simple(run));
    }

    [Fact]
    public void TheNextRunThatFindsTheHostIdleDoesTheDeferredRestartsInOrderAndThenNothingIsPending()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(DpmJob));
        Apply(scenario, Noon);
        var busy = JObject.Parse(scenario.SnapshotText);

        var stillBusy = Apply(scenario, Noon.AddMinutes(30));
        busy["backupActivity"]!["running"] = new JArray();
        busy.Remove("faults");
        SetHost(scenario, busy);
        var idle = Apply(scenario, Noon.AddHours(1));
        var after = Apply(scenario, Noon.AddHours(2));

        Assert.All(stillBusy.Restarts, r => Assert.Equal(RestartStatus.Deferred, r.Status));
        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], idle.Restarts.Select(r => r.Service));
        Assert.All(idle.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
        var firstRun = RunRecord.All(_state.Path)[0].RunId;
        Assert.Equal($"requested by r0 (deferred by run {firstRun})", idle.Restarts.Single(r => r.Service == "MSSQL$DPM").Reason);
        Assert.Empty(after.Restarts);
        Assert.Empty(PendingRestarts.Read(_state.Path, "HOST01"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void RunsInOneSecondOrAfterTheClockWasSetBackFollowEachOtherInTheOrderTheyRan(int minutesLater)
    {
        // Run ids have one-second resolution: the journal of the run that did the restarts must still be read as
        // newer than the one that deferred them, or the restarts are done again and reported as still due.
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(DpmJob));
        Apply(scenario, Noon);
        var idleHost = JObject.Parse(scenario.SnapshotText);
        idleHost["backupActivity"]!["running"] = new JArray();
        idleHost.Remove("faults");
        SetHost(scenario, idleHost);

        var idle = Apply(scenario, Noon.AddMinutes(minutesLater));
        var after = Apply(scenario, Noon.AddMinutes(minutesLater));

        Assert.All(idle.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
        Assert.Empty(after.Restarts);
        Assert.Empty(PendingRestarts.Read(_state.Path, "HOST01"));
        Assert.Empty(Plan(scenario, Noon).Restarts);
    }

    [Fact]
    public void TheDeferralIsJournaledWithWhatWasRunning()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(DpmJob));
        var run = Apply(scenario, Noon);

        var journal = File.ReadAllLines(JournalFiles.Find(_state.Path, run.RunId)!)
            .Select(JObject.Parse).Where(l => (string?)l["event"] == "restart").ToList();

        Assert.Equal(3, journal.Count);
        var sql = journal.Single(l => (string?)l["service"] == "MSSQL$DPM");
        Assert.Equal("deferred", (string?)sql["outcome"]);
        Assert.Contains("00890b12", (string?)sql["running"]![0]);
        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], PendingRestarts.Read(_state.Path, "HOST01").Select(p => p.Service));
    }

    [Fact]
    public void ARestartNoBackupWorkNeedsIsDoneWhileBackupWorkRuns()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM", "Spooler"), Host(DpmJob));

        var run = Apply(scenario, Noon);

        Assert.Equal(RestartStatus.Restarted, run.Restarts.Single(r => r.Service == "Spooler").Status);
        Assert.Equal(RestartStatus.Deferred, run.Restarts.Single(r => r.Service == "MSSQL$DPM").Status);
    }

    [Fact]
    public void BackupWorkOnAnotherInstanceDoesNotHoldTheRestartBack()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host("""[ { "kind": "sqlBackupRequest", "name": "BACKUP DATABASE of Sales", "detail": "OTHER" } ]""", tripRestarts: false));

        var run = Apply(scenario, Noon);

        Assert.All(run.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
    }

    [Fact]
    public void WhatIfShowsWhatWouldBeDeferredAndWhy()
    {
        using var scenario = new Scenario(Resources("SQLAgent$DPM"), Host(DpmJob));

        var plan = Plan(scenario, Noon);

        Assert.All(plan.Restarts, r => Assert.Equal(RestartStatus.Deferred, r.Status));
        Assert.Contains("backup work that needs it is running", plan.Restarts.Single(r => r.Service == "SQLAgent$DPM").Waiting);
        Assert.Equal(ExitCodes.Changes | ExitCodes.RestartsDeferred, ExitCodes.Detailed(plan));
    }

    [Fact]
    public void WhenBackupActivityCannotBeReadDisruptiveRestartsWaitAsIfBusy()
    {
        var host = Host(null);
        ((JArray)host["faults"]!).Add(JObject.Parse("""{ "operation": "read", "target": "backupActivity", "message": "Login failed for user. (18456)" }"""));
        using var scenario = new Scenario(Resources("MSSQL$DPM", "Spooler"), host);

        var run = Apply(scenario, Noon);

        var sql = run.Restarts.Single(r => r.Service == "MSSQL$DPM");
        Assert.Equal(RestartStatus.Deferred, sql.Status);
        Assert.Contains("Login failed for user. (18456)", sql.Waiting);
        Assert.Equal(RestartStatus.Restarted, run.Restarts.Single(r => r.Service == "Spooler").Status);
    }

    [Theory]
    [InlineData("+00:00", 12, true)]
    [InlineData("+00:00", 23, false)]
    [InlineData("+11:00", 12, false)] // 23:00 on the host
    [InlineData("+00:00", 3, false)]
    [InlineData("+00:00", 4, true)]
    public void OutsideTheRestartWindowInHostTimeDisruptiveRestartsWait(string utcOffset, int utcHour, bool deferred)
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(null, utcOffset, tripRestarts: false));
        var at = new DateTimeOffset(2026, 12, 2, utcHour, 0, 0, TimeSpan.Zero);

        var run = Apply(scenario, at, new RestartPolicy(RestartWindow.Parse("22:00-04:00"), false, []));

        Assert.All(run.Restarts, r => Assert.Equal(deferred ? RestartStatus.Deferred : RestartStatus.Restarted, r.Status));
        if (deferred)
        {
            Assert.Contains("outside the restart window 22:00-04:00", run.Restarts[0].Waiting);
        }
    }

    [Fact]
    public void RestartNowRestartsWhileBackupWorkRunsAndTheReportSaysSo()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host(DpmJob, tripRestarts: false));

        var run = Apply(scenario, new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero), new RestartPolicy(RestartWindow.Parse("22:00-04:00"), true, []));

        Assert.All(run.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
        var notice = Assert.Single(run.Notices, n => n.StartsWith("--restart-now", StringComparison.Ordinal));
        Assert.Contains("00890b12-9058-4f42-8143-291dc3de4d78", notice);
        Assert.Equal(ExitCodes.Changes, ExitCodes.Detailed(run));
    }

    public void Dispose() => _state.Dispose();
}
