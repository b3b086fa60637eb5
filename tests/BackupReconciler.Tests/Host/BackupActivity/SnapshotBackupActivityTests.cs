using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Snapshot.Capture;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Host.BackupActivity;

public sealed class SnapshotBackupActivityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private SnapshotHost Load(string backupActivity, string? faults = null, TimeProvider? clock = null)
    {
        var path = _folder.Write("host.json", $$"""
            { "computerName": "DPM01", "backupActivity": {{backupActivity}}{{(faults is null ? "" : ", \"faults\": " + faults)}} }
            """);
        return SnapshotHost.Load(path, clock ?? TimeProvider.System);
    }

    [Fact]
    public void RunningWorkIsReadWithTheServicesItNeeds()
    {
        var host = Load("""
            { "running": [ { "kind": "sqlAgentJob", "name": "job-1", "detail": "MSDPM2012" },
                           { "kind": "sqlBackupRequest", "name": "BACKUP LOG of Sales", "detail": "MSSQLSERVER" },
                           { "kind": "windowsServerBackup", "name": "System State" },
                           { "kind": "marsJob", "name": "files" } ] }
            """);

        var running = host.BackupActivity.ReadRunning();

        Assert.Equal(4, running.Count);
        Assert.Contains("SQLAgent$MSDPM2012", running[0].Services);
        Assert.Contains("MSSQL$MSDPM2012", running[0].Services);
        Assert.Contains("MSSQLSERVER", running[1].Services);
        Assert.Contains("AzureWLBackupPluginSvc", running[1].Services);
        Assert.Contains("wbengine", running[2].Services);
        Assert.Contains("obengine", running[3].Services);
    }

    [Fact]
    public void AHostWithoutTheSectionIsIdleAndItsClockIsUtc()
    {
        var path = _folder.Write("idle.json", """{ "computerName": "DPM01" }""");
        var noon = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var host = SnapshotHost.Load(path, new FixedClock(noon));

        Assert.Empty(host.BackupActivity.ReadRunning());
        Assert.Equal(noon, host.BackupActivity.LocalNow());
        Assert.Equal(TimeSpan.Zero, host.BackupActivity.LocalNow().Offset);
    }

    [Fact]
    public void TheHostsLocalTimeFollowsItsOffset()
    {
        var host = Load("""{ "utcOffset": "-05:30" }""", clock: new FixedClock(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 30, 0, TimeSpan.FromHours(-5.5)), host.BackupActivity.LocalNow());
    }

    [Fact]
    public void AnInjectedReadFaultFailsTheRead()
    {
        var host = Load("""{ "running": [] }""", """[ { "operation": "read", "target": "backupActivity", "message": "The RPC server is unavailable. (1722)", "times": 1 } ]""");

        var error = Assert.Throws<HostOperationException>(() => host.BackupActivity.ReadRunning());
        Assert.Equal("The RPC server is unavailable. (1722)", error.Message);
        Assert.Empty(host.BackupActivity.ReadRunning());
    }

    [Theory]
    [InlineData("""{ "running": [ { "kind": "dpmJob", "name": "x" } ] }""", "\"kind\"")]
    [InlineData("""{ "running": [ { "kind": "marsJob" } ] }""", "\"name\"")]
    [InlineData("""{ "utcOffset": "5" }""", "+HH:MM or -HH:MM")]
    [InlineData("""{ "running": {} }""", "must be an array")]
    [InlineData("""{ "runing": [] }""", "runing")]
    public void AMistakeInTheSectionIsALocatedError(string section, string expected)
    {
        var error = Assert.Throws<InputException>(() => Load(section));

        Assert.Contains(expected, error.Message);
        Assert.Contains("host.json(", error.Message);
    }

    [Fact]
    public void ACaptureRecordsTheRunningWorkSoThatTheCapturedSnapshotReadsTheSame()
    {
        var host = Load("""{ "utcOffset": "+01:00", "running": [ { "kind": "sqlAgentJob", "name": "job-1", "detail": "MSDPM2012" } ] }""");
        var recorder = new RecordingHost(host);

        Assert.Empty(recorder.CaptureHostWide());
        var captured = _folder.Write("captured.json", recorder.Captured.CaptureDocument().ToString());
        var again = SnapshotHost.Load(captured);

        Assert.Equal(host.BackupActivity.ReadRunning(), again.BackupActivity.ReadRunning());
        Assert.Equal(TimeSpan.FromHours(1), again.BackupActivity.LocalNow().Offset);
        Assert.Equal("+01:00", (string?)JObject.Parse(File.ReadAllText(captured))["backupActivity"]!["utcOffset"]);
    }

    public void Dispose() => _folder.Dispose();
}
