using System.Runtime.Versioning;
using BackupReconciler.Windows.Com;
using BackupReconciler.Windows.ScheduledTasks;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.ScheduledTasks;

/// <summary>
/// The typed Task Scheduler interfaces called directly, as far as Wine's taskschd.dll implements them (no
/// time trigger, no principal): CoCreateInstance by CLSID, Connect with empty VARIANTs, NewTask, the
/// settings' and registration info's BSTR and VARIANT_BOOL slots, an exec action through IActionCollection
/// and a QueryInterface to IExecAction, RegisterTaskDefinition with a BSTR VARIANT, and the task read back
/// through IRegisteredTask::Definition. A wrong vtable slot calls another method, which fails these.
/// </summary>
[SupportedOSPlatform("windows")]
[LaneArea("tasks")]
public sealed class TaskSchedulerInterfacesTests : IDisposable
{
    private const string Folder = @"\BRTest";
    private const string Name = "Typed interfaces test";

    public TaskSchedulerInterfacesTests() => Cleanup();

    [LiveWindowsFact]
    public void ATaskDefinitionMadeThroughTheTypedInterfacesIsRegisteredAndReadBackSlotForSlot()
    {
        var service = Connected();
        try
        {
            var task = service.NewTask(0);
            task.get_RegistrationInfo().put_Description("BRTest: \"typed\" interfaces — ünïcode");
            var settings = task.get_Settings();
            settings.put_MultipleInstances(2);
            settings.put_ExecutionTimeLimit("PT2H");
            settings.put_StartWhenAvailable(ComRuntime.VariantBool(true));
            var action = (IExecAction)task.get_Actions().Create(TaskSchedulerApi.ExecAction);
            action.put_Path(@"C:\Program Files\BRTest\backup-reconciler.exe");
            action.put_Arguments("apply \"C:\\Baselines\\dpm server.json\"");

            var user = Variant.FromString(@"NT AUTHORITY\SYSTEM");
            try
            {
                var folder = FolderMadeIfMissing(service);
                folder.RegisterTaskDefinition(Name, task, TaskSchedulerApi.CreateOrUpdate, user, Variant.Empty, TaskSchedulerApi.LogonServiceAccount, Variant.Empty);
            }
            finally
            {
                user.Free();
            }

            // The action as the typed IExecAction holds it (Wine writes no actions into the registered task).
            Assert.Equal((@"C:\Program Files\BRTest\backup-reconciler.exe", "apply \"C:\\Baselines\\dpm server.json\"", TaskSchedulerApi.ExecAction),
                (action.get_Path(), action.get_Arguments(), action.get_Type()));
            var registered = service.GetFolder(Folder).GetTask(Name);
            var read = registered.get_Definition();
            var readSettings = read.get_Settings();
            Assert.Equal(
                (Folder + "\\" + Name, "BRTest: \"typed\" interfaces — ünïcode", 2, "PT2H", (short)-1),
                (registered.get_Path(), read.get_RegistrationInfo().get_Description(), readSettings.get_MultipleInstances(), readSettings.get_ExecutionTimeLimit(), readSettings.get_StartWhenAvailable()));

            // Enabled as a VARIANT_BOOL (Wine's put_Enabled is a stub that answers S_OK, so setting it is proven on
            // Windows only, by WindowsTaskRegistrationTests), then the adapter's delete (Wine's IPrincipal is a stub
            // too, so not the adapter's Find, which reads the principal).
            Assert.Equal((short)-1, registered.get_Enabled());
            var adapter = new WindowsScheduledTasks();
            Assert.True(adapter.Delete(Folder + "\\" + Name));
            Assert.Null(adapter.ReadDefinition(Folder + "\\" + Name));
            Assert.False(adapter.Delete(Folder + "\\" + Name));
        }
        finally
        {
            ComRuntime.Release(service);
        }
    }

    [LiveWindowsFact]
    public void AMissingTaskIsTheHResultTheAdapterReadsAsNotFound()
    {
        var service = Connected();
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => service.GetFolder("\\").GetTask("BRTest no such task"));

            Assert.Equal(ComFailure.FileNotFound, e.HResult);
            Assert.True(ComFailure.IsCom(e));
        }
        finally
        {
            ComRuntime.Release(service);
        }
    }

    public void Dispose() => Cleanup();

    private static ITaskFolder FolderMadeIfMissing(ITaskService service)
    {
        try
        {
            return service.GetFolder(Folder);
        }
        catch (Exception e) when (e.HResult is ComFailure.FileNotFound or ComFailure.PathNotFound)
        {
            return service.GetFolder("\\").CreateFolder(Folder.TrimStart('\\'), Variant.Empty);
        }
    }

    private static ITaskService Connected()
    {
        var service = ComRuntime.Create<ITaskService>(TaskSchedulerApi.Class);
        service.Connect(Variant.Empty, Variant.Empty, Variant.Empty, Variant.Empty);
        return service;
    }

    private static void Cleanup()
    {
        if (OperatingSystem.IsWindows() && LiveWindows.WhyNotHere() is null)
        {
            new WindowsScheduledTasks().Delete(Folder + "\\" + Name);
        }
    }
}
