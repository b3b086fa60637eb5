using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Principal;
using System.Xml;
using BackupReconciler.Host;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Windows.Com;

namespace BackupReconciler.Windows.ScheduledTasks;

/// <summary>
/// The scheduled tasks ports on the live machine, through Task Scheduler's own COM API (typed, source-generated:
/// <see cref="ITaskService"/>), never schtasks: find a task by folder and name (Task Scheduler ignores case),
/// read and set Enabled, read the principal it runs as; and register, read back and delete the task
/// <c>schedule install</c> makes. Every call is bounded by the adapter's timeout.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsScheduledTasks : IScheduledTasks, IScheduledTaskRegistration
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    public WindowsScheduledTasks(TimeSpan? timeout = null, TimeProvider? clock = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
        _clock = clock ?? TimeProvider.System;
    }

    public ScheduledTaskInfo? Find(string fullPath) =>
        WithTask($"reading the scheduled task {fullPath}", fullPath, task =>
        {
            var principal = task.get_Definition().get_Principal();
            return new ScheduledTaskInfo(task.get_Path() ?? fullPath, task.get_Enabled() != 0, RunAs(principal.get_UserId(), principal.get_GroupId()));
        });

    public void SetEnabled(string fullPath, bool enabled) =>
        _ = WithTask($"{(enabled ? "enabling" : "disabling")} the scheduled task {fullPath}", fullPath, task =>
        {
            task.put_Enabled(ComRuntime.VariantBool(enabled));
            return new ScheduledTaskInfo(fullPath, enabled, "");
        }) ?? throw ComFailure.From(ComFailure.FileNotFound, "The system cannot find the file specified.", null);

    public ScheduledTaskDefinition? ReadDefinition(string fullPath) =>
        WithTask($"reading the scheduled task {fullPath}", fullPath, task => Describe(fullPath, task));

    public void Register(ScheduledTaskDefinition definition) =>
        HostCall.RunNamed($"registering the scheduled task {definition.FullPath}", _timeout, () => WithService(service =>
        {
            var location = TaskLocation.Parse(definition.FullPath)
                ?? throw new HostOperationException($"\"{definition.FullPath}\" does not name a task.");
            var task = service.NewTask(0);
            Define(task, definition, _clock.GetLocalNow());
            var user = Variant.FromString(definition.RunAs);
            try
            {
                FolderForRegistering(service, location.Folder)
                    .RegisterTaskDefinition(location.Name, task, TaskSchedulerApi.CreateOrUpdate, user, Variant.Empty, TaskSchedulerApi.LogonServiceAccount, Variant.Empty);
            }
            finally
            {
                user.Free();
            }

            return true;
        }));

    public bool Delete(string fullPath) =>
        HostCall.RunNamed($"deleting the scheduled task {fullPath}", _timeout, () => WithService(service =>
        {
            if (TaskLocation.Parse(fullPath) is not { } location)
            {
                return false;
            }

            try
            {
                service.GetFolder(location.Folder).DeleteTask(location.Name, 0);
                return true;
            }
            catch (Exception e) when (IsNotFound(e))
            {
                return false;
            }
        }));

    /// <summary>
    /// The account as the task's principal names it: a user (SYSTEM, DOMAIN\user) or, for tasks that run
    /// for a group, the group. A SID is turned into the account's name where Windows knows it.
    /// </summary>
    internal static string RunAs(string? userId, string? groupId)
    {
        var account = string.IsNullOrWhiteSpace(userId) ? groupId ?? "" : userId;
        if (account.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new SecurityIdentifier(account).Translate(typeof(NTAccount)).Value;
            }
            catch (Exception e) when (e is IdentityNotMappedException or ArgumentException or SystemException)
            {
                return account;
            }
        }

        return account;
    }

    /// <summary>"SYSTEM" as Task Scheduler may return it is NT AUTHORITY\SYSTEM: the name through the SID and back.</summary>
    private static string FullAccountName(string account)
    {
        try
        {
            var sid = (SecurityIdentifier)new NTAccount(account).Translate(typeof(SecurityIdentifier));
            return RunAs(sid.Value, null);
        }
        catch (Exception e) when (e is IdentityNotMappedException or ArgumentException or SystemException)
        {
            return account;
        }
    }

    private static void Define(ITaskDefinition task, ScheduledTaskDefinition definition, DateTimeOffset now)
    {
        task.get_RegistrationInfo().put_Description(definition.Description);

        // The account is given where Windows documents it for a service account: RegisterTaskDefinition's
        // user and logon type, which set the principal (SYSTEM's token is never filtered, so no run level).
        // Setting IPrincipal's members as well would add nothing, and Wine's are stubs that fail.

        var settings = task.get_Settings();
        settings.put_MultipleInstances((int)definition.Overlap);
        settings.put_StartWhenAvailable(ComRuntime.VariantBool(definition.StartWhenAvailable));
        settings.put_ExecutionTimeLimit(Iso(definition.ExecutionTimeLimit));
        settings.put_Enabled(ComRuntime.VariantBool(definition.Enabled));
        // A server on battery (a UPS) is still to be corrected.
        settings.put_DisallowStartIfOnBatteries(ComRuntime.VariantBool(false));
        settings.put_StopIfGoingOnBatteries(ComRuntime.VariantBool(false));

        var trigger = (ITimeTrigger)task.get_Triggers().Create(TaskSchedulerApi.TimeTrigger);
        trigger.put_StartBoundary(now.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        trigger.put_RandomDelay(Iso(definition.RandomDelay));
        var repetition = trigger.get_Repetition();
        repetition.put_Interval(Iso(definition.Every));

        var action = (IExecAction)task.get_Actions().Create(TaskSchedulerApi.ExecAction);
        action.put_Path(definition.Command);
        action.put_Arguments(definition.Arguments);
    }

    /// <summary>The registered task as a definition: its first time trigger and first program action, or empty values where it has none.</summary>
    private static ScheduledTaskDefinition Describe(string fullPath, IRegisteredTask task)
    {
        var definition = task.get_Definition();
        var settings = definition.get_Settings();
        var principal = definition.get_Principal();
        string command = "", arguments = "";
        var actions = definition.get_Actions();
        for (var i = 1; i <= actions.get_Count(); i++)
        {
            var action = actions.get_Item(i);
            if (action.get_Type() == TaskSchedulerApi.ExecAction)
            {
                var exec = (IExecAction)action;
                (command, arguments) = (exec.get_Path() ?? "", exec.get_Arguments() ?? "");
                break;
            }
        }

        TimeSpan every = TimeSpan.Zero, delay = TimeSpan.Zero;
        var triggers = definition.get_Triggers();
        for (var i = 1; i <= triggers.get_Count(); i++)
        {
            var trigger = triggers.get_Item(i);
            if (trigger.get_Type() == TaskSchedulerApi.TimeTrigger)
            {
                every = Span(trigger.get_Repetition().get_Interval());
                delay = Span(((ITimeTrigger)trigger).get_RandomDelay());
                break;
            }
        }

        var account = RunAs(principal.get_UserId(), principal.get_GroupId());
        return new ScheduledTaskDefinition(
            task.get_Path() ?? fullPath,
            definition.get_RegistrationInfo().get_Description() ?? "",
            command,
            arguments,
            every,
            delay,
            Span(settings.get_ExecutionTimeLimit()),
            account.Contains('\\', StringComparison.Ordinal) ? account : FullAccountName(account),
            (TaskOverlap)settings.get_MultipleInstances(),
            settings.get_StartWhenAvailable() != 0,
            task.get_Enabled() != 0);
    }

    /// <summary>The folder, made when missing (one level or more below the root).</summary>
    private static ITaskFolder FolderForRegistering(ITaskService service, string folder)
    {
        try
        {
            return service.GetFolder(folder);
        }
        catch (Exception e) when (IsNotFound(e))
        {
            return service.GetFolder("\\").CreateFolder(folder.TrimStart('\\'), Variant.Empty);
        }
    }

    /// <summary>Task Scheduler's durations are ISO 8601 (PT30M); an empty one is none.</summary>
    private static string Iso(TimeSpan span) => span == TimeSpan.Zero ? "" : XmlConvert.ToString(span);

    private static TimeSpan Span(string? iso)
    {
        try
        {
            return string.IsNullOrWhiteSpace(iso) ? TimeSpan.Zero : XmlConvert.ToTimeSpan(iso);
        }
        catch (FormatException)
        {
            return TimeSpan.Zero;
        }
    }

    private static bool IsNotFound(Exception e) =>
        ComFailure.IsCom(e) && ComFailure.Unwrap(e).HResult is ComFailure.FileNotFound or ComFailure.PathNotFound;

    /// <summary>Runs <paramref name="use"/> on the registered task, or answers null when there is no such folder or task.</summary>
    private T? WithTask<T>(string what, string fullPath, Func<IRegisteredTask, T> use)
        where T : class =>
        HostCall.RunNamed(what, _timeout, () => WithService(service =>
        {
            if (TaskLocation.Parse(fullPath) is not { } location)
            {
                return null;
            }

            IRegisteredTask task;
            try
            {
                task = service.GetFolder(location.Folder).GetTask(location.Name);
            }
            catch (Exception e) when (IsNotFound(e))
            {
                return null;
            }

            return use(task);
        }));

    /// <summary>A connected Task Scheduler, released when <paramref name="use"/> returns; COM failures become host failures with their HRESULT.</summary>
    private static T WithService<T>(Func<ITaskService, T> use)
    {
        ITaskService? service = null;
        try
        {
            service = ComRuntime.Create<ITaskService>(TaskSchedulerApi.Class);
            service.Connect(Variant.Empty, Variant.Empty, Variant.Empty, Variant.Empty);
            return use(service);
        }
        catch (Exception e) when (ComFailure.IsCom(e))
        {
            throw ComFailure.From(ComFailure.Unwrap(e));
        }
        finally
        {
            ComRuntime.Release(service);
        }
    }
}
