using System.Runtime.Versioning;
using BackupReconciler.Windows.BackupActivity;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Sql;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>
/// The live backup-activity read on a real machine: it answers (idle or busy) without starting anything, and
/// each piece of work it reports names the services it needs. With BR_TEST_SQL_INSTANCE set, that instance's
/// query runs too (it reads msdb and sys.dm_exec_requests only).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsBackupActivityTests
{
    [LiveWindowsFact(SkipUnderWine = WineLacks.EventLog)]
    public void TheRunningBackupWorkIsReadInOneCallAndNamesTheServicesItNeeds()
    {
        var host = new LiveWindowsHost();

        var running = host.BackupActivity.ReadRunning();

        Assert.All(running, work => Assert.NotEmpty(work.Services));
        var local = host.BackupActivity.LocalNow();
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(local.UtcDateTime), local.Offset);
    }

    [LiveWindowsFact(SkipUnderWine = "Wine has no SQL Server")]
    public void ASqlInstanceNamedForTestsIsReadWithoutAnError()
    {
        if (Environment.GetEnvironmentVariable("BR_TEST_SQL_INSTANCE") is not { } instance)
        {
            return; // No instance named for tests on this machine: nothing to read.
        }

        var sql = new WindowsSqlServer(new WindowsRegistry());

        Assert.All(BackupActivityMapping.FromSqlRows(instance, sql.ReadRunningBackupWork(instance)),
            work => Assert.Equal(instance, work.Detail));
    }
}
