using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Services;
using BackupReconciler.Windows.BackupActivity;

namespace BackupReconciler.Tests.Windows.BackupActivity;

/// <summary>The live backup-activity reads' rules and query text, which run anywhere.</summary>
public sealed class BackupActivityMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static ServiceInfo Service(string name, ServiceState state) => new(name, ServiceStartType.Manual, state, @"NT AUTHORITY\SYSTEM", []);

    private static EventRecord Event(int id, TimeSpan ago) => new("CloudBackup/Operational", "CloudBackup", id, Now - ago, "");

    [Fact]
    public void TheSqlQueryReadsTheAgentsCurrentSessionAndBackupAndRestoreRequestsAndRefusesWithoutViewServerState()
    {
        var text = BackupActivityStatements.ReadRunning.Text;

        Assert.Contains("msdb.dbo.sysjobactivity", text);
        Assert.Contains("msdb.dbo.syssessions", text);
        Assert.Contains("a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL", text);
        Assert.Contains("sys.dm_exec_requests", text);
        Assert.Contains("r.command LIKE N'BACKUP%' OR r.command LIKE N'RESTORE%'", text);
        Assert.Contains("HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 0", text);
        Assert.Empty(BackupActivityStatements.ReadRunning.Parameters);
        Assert.DoesNotMatch(@"(?i)\b(UPDATE|INSERT|DELETE|EXEC|EXECUTE|ALTER|DROP)\b", text);
    }

    [Fact]
    public void SqlRowsBecomeAgentJobsAndBackupRequestsOfTheirInstance()
    {
        var work = BackupActivityMapping.FromSqlRows("MSDPM2012", [["job", "00890b12", ""], ["request", "BACKUP LOG", "DPMDB"], ["request", "RESTORE DATABASE", ""]]).ToList();

        Assert.Equal(new BackupWork(BackupWorkKind.SqlAgentJob, "00890b12", "MSDPM2012"), work[0]);
        Assert.Equal(new BackupWork(BackupWorkKind.SqlBackupRequest, "BACKUP LOG of DPMDB", "MSDPM2012"), work[1]);
        Assert.Equal("RESTORE DATABASE", work[2].Name);
        Assert.Contains("MSSQL$MSDPM2012", work[1].Services);
    }

    [Theory]
    [InlineData(ServiceState.Running, true)]
    [InlineData(ServiceState.Paused, true)]
    [InlineData(ServiceState.Stopped, false)]
    public void WindowsServerBackupRunsWhileItsBlockLevelEngineRuns(ServiceState state, bool running)
    {
        Assert.Equal(running, BackupActivityMapping.FromBlockLevelEngine(Service("wbengine", state)) is not null);
        Assert.Null(BackupActivityMapping.FromBlockLevelEngine(null));
    }

    [Fact]
    public void AMarsJobRunsWhenTheNewestJobEventIsAStartOfTheLastDayAndTheAgentRuns()
    {
        var agent = Service("obengine", ServiceState.Running);

        Assert.NotNull(BackupActivityMapping.FromMarsEvents(agent, [Event(3, TimeSpan.FromHours(3)), Event(1, TimeSpan.FromMinutes(5))], Now));
        Assert.Null(BackupActivityMapping.FromMarsEvents(agent, [Event(1, TimeSpan.FromHours(3)), Event(3, TimeSpan.FromMinutes(5))], Now));
        Assert.Null(BackupActivityMapping.FromMarsEvents(agent, [Event(1, TimeSpan.FromHours(25))], Now));
        Assert.Null(BackupActivityMapping.FromMarsEvents(agent, [], Now));
        Assert.Null(BackupActivityMapping.FromMarsEvents(Service("obengine", ServiceState.Stopped), [Event(1, TimeSpan.FromMinutes(5))], Now));
    }

    [Fact]
    public void TheMarsQueryAsksForTheStartAndEndEventsOfTheLastDayOfAnyProvider()
    {
        var xpath = BackupActivityMapping.MarsXPath(Now.AddDays(-1));

        Assert.Equal("*[System[(EventID=1 or EventID=3 or EventID=10 or EventID=11 or EventID=18) and TimeCreated[@SystemTime>='2026-12-01T12:00:00.000Z']]]", xpath);
    }
}
