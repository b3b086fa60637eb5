using System.Runtime.Versioning;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Sql;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>
/// The SQL adapter against a real local instance, named by BR_TEST_SQL_INSTANCE (only where a person or
/// a Windows CI sets it: the tests read, and never change, that instance's jobs and logins).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsSqlServerTests
{
    [SqlInstanceFact(SkipUnderWine = "Wine has no SQL Server")]
    public void JobsAndLoginsOfTheInstanceAreReadInOneQueryEach()
    {
        var instance = MachineFacts.SqlInstance!;
        var sql = new WindowsSqlServer(new WindowsRegistry());

        Assert.NotNull(sql.ReadAgentJobs(instance));
        Assert.Contains(sql.ReadLogins(instance)!.Values, l => l.ServerRoles.Contains("sysadmin", StringComparer.OrdinalIgnoreCase));
        Assert.Null(sql.ReadAgentJobs("BRTESTNOINST"));
    }
}
