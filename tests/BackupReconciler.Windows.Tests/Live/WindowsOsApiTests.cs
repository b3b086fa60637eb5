using System.Runtime.Versioning;
using System.Security.Principal;
using BackupReconciler.Host;
using BackupReconciler.Windows.EventLog;
using BackupReconciler.Windows.ScheduledTasks;
using BackupReconciler.Windows.Tests.Support;
using BackupReconciler.Windows.UserRights;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>Task Scheduler, the local security policy and the event log, read through the adapters (changing nothing).</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsOsApiTests
{
    [LiveWindowsFact]
    public void ATaskThatIsNotRegisteredIsNotFound()
    {
        var tasks = new WindowsScheduledTasks();

        Assert.Null(tasks.Find(@"\BRTestNoSuchFolder\BRTestNoSuchTask"));
        Assert.Null(tasks.Find(@"\BRTestNoSuchTask"));
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Lsa)]
    public void AdministratorsHoldTheBackupRightAndGrantingItAgainChangesNothing()
    {
        var rights = new WindowsUserRights();
        var administrators = new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null).Translate(typeof(NTAccount)).Value;

        Assert.Contains(administrators, rights.HoldersOf("SeBackupPrivilege"), StringComparer.OrdinalIgnoreCase);
        rights.Grant("SeBackupPrivilege", administrators);
        Assert.Contains(administrators, rights.HoldersOf("SeBackupPrivilege"), StringComparer.OrdinalIgnoreCase);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Lsa)]
    public void AnUnknownRightIsSaidSo()
    {
        var e = Assert.Throws<HostOperationException>(() => new WindowsUserRights().HoldersOf("SeBRTestNoSuchPrivilege"));

        Assert.Contains("not a user right", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.EventLog)]
    public void TheXPathQueryIsAcceptedAndASourceWithoutEventsHasNone()
    {
        var log = new WindowsEventLog();

        Assert.Empty(log.Query("Application", "BRTest-No-Such-Source's \"name\"", [208, 209], log.Now.AddDays(-1)));
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.EventLog)]
    public void ALogThatDoesNotExistFailsWithWindowsText()
    {
        Assert.Throws<HostOperationException>(() => new WindowsEventLog().Query("BRTest-No-Such-Log", "x", [1], DateTimeOffset.UtcNow.AddHours(-1)));
    }
}
