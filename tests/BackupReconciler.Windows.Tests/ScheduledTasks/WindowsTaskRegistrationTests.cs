using System.Runtime.Versioning;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Windows.ScheduledTasks;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.ScheduledTasks;

/// <summary>
/// A test-owned task registered, read back, found, disabled and deleted through the typed Task Scheduler COM
/// interfaces (ITaskService, ITaskFolder, ITaskDefinition, ITimeTrigger, IExecAction, IPrincipal …): every
/// vtable slot they call, every BSTR and VARIANT they pass, against Windows' or Wine's taskschd.dll.
/// </summary>
[SupportedOSPlatform("windows")]
[LaneArea("tasks")]
public sealed class WindowsTaskRegistrationTests : IDisposable
{
    private const string SafePath = @"\BRTest\Scheduled correction test";

    /// <summary>What Wine 8's taskschd.dll answers ITriggerCollection::Create(TASK_TRIGGER_TIME) with (its log: "TriggerCollection_Create Unimplemented type 1").</summary>
    public const string WineHasNoTimeTrigger = "Wine's taskschd has no time trigger: ITriggerCollection::Create(TASK_TRIGGER_TIME) answers E_NOTIMPL (TaskSchedulerInterfacesTests prove the rest of the typed interfaces under Wine)";

    private readonly WindowsScheduledTasks _tasks = new();

    public WindowsTaskRegistrationTests() => Cleanup();

    [LiveWindowsFact]
    public void ATaskThatIsNotRegisteredReadsAsNoneAndDeletingItSaysThereWasNone()
    {
        Assert.Null(_tasks.ReadDefinition(@"\BRTestNoSuchFolder\BRTestNoSuchTask"));
        Assert.Null(_tasks.Find(@"\BRTestNoSuchFolder\BRTestNoSuchTask"));
        Assert.False(_tasks.Delete(@"\BRTestNoSuchFolder\BRTestNoSuchTask"));
    }

    [LiveWindowsFact(SkipUnderWine = WineHasNoTimeTrigger)]
    public void ARegisteredTaskReadsBackAsItWasDefinedInAFolderMadeForIt()
    {
        var definition = Definition();

        _tasks.Register(definition);

        var read = _tasks.ReadDefinition(SafePath);
        Assert.NotNull(read);
        Assert.Equal(
            (definition.Command, definition.Arguments, definition.Every, definition.RandomDelay, definition.ExecutionTimeLimit, definition.Overlap, definition.StartWhenAvailable, definition.Enabled, definition.Description),
            (read.Command, read.Arguments, read.Every, read.RandomDelay, read.ExecutionTimeLimit, read.Overlap, read.StartWhenAvailable, read.Enabled, read.Description));
        Assert.Equal(SafePath, read.FullPath, ignoreCase: true);
    }

    [LiveWindowsFact(SkipUnderWine = WineHasNoTimeTrigger)]
    public void ARegisteredTaskIsFoundDisabledAndDeleted()
    {
        _tasks.Register(Definition());

        Assert.True(Assert.IsType<ScheduledTaskInfo>(_tasks.Find(SafePath)).Enabled);
        _tasks.SetEnabled(SafePath, false);
        Assert.False(Assert.IsType<ScheduledTaskInfo>(_tasks.Find(SafePath)).Enabled);
        Assert.True(_tasks.Delete(SafePath));
        Assert.Null(_tasks.ReadDefinition(SafePath));
    }

    [LiveWindowsFact(SkipUnderWine = WineHasNoTimeTrigger)]
    public void ATaskRegisteredForSystemRunsAsSystem()
    {
        _tasks.Register(Definition());

        Assert.Equal(@"NT AUTHORITY\SYSTEM", _tasks.ReadDefinition(SafePath)!.RunAs, ignoreCase: true);
    }

    [LiveWindowsFact(SkipUnderWine = WineHasNoTimeTrigger)]
    public void ReRegisteringReplacesTheTaskWhole()
    {
        _tasks.Register(Definition());
        _tasks.Register(Definition() with { Every = TimeSpan.FromHours(2), Arguments = "apply C:\\other.json" });

        var read = _tasks.ReadDefinition(SafePath)!;
        Assert.Equal((TimeSpan.FromHours(2), "apply C:\\other.json"), (read.Every, read.Arguments));
    }

    public void Dispose() => Cleanup();

    private static ScheduledTaskDefinition Definition() =>
        new(SafePath, "BRTest: a task the live tests own", @"C:\Program Files\BackupReconciler\backup-reconciler.exe",
            "apply \"C:\\Baselines\\dpm server.json\" --vars \"C:\\ProgramData\\BackupReconciler\\vars.json\"",
            TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3), TimeSpan.FromHours(2), @"NT AUTHORITY\SYSTEM", TaskOverlap.IgnoreNew, true, true);

    private void Cleanup()
    {
        if (OperatingSystem.IsWindows() && LiveWindows.WhyNotHere() is null)
        {
            _tasks.Delete(SafePath);
        }
    }
}
