using System.Runtime.Versioning;
using System.Security.Principal;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.ScheduledTasks;

/// <summary>
/// The scheduled tasks port on the live machine, through Task Scheduler's own COM API (Schedule.Service,
/// late-bound), never schtasks: find a task by folder and name (Task Scheduler ignores case), read and set
/// Enabled, and read the principal it runs as. Every call is bounded by the adapter's timeout.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsScheduledTasks : IScheduledTasks
{
    private readonly TimeSpan _timeout;

    public WindowsScheduledTasks(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
    }

    public ScheduledTaskInfo? Find(string fullPath) =>
        WithTask($"reading the scheduled task {fullPath}", fullPath, task =>
        {
            dynamic definition = task.Definition;
            dynamic principal = definition.Principal;
            try
            {
                string? userId = principal.UserId;
                string? groupId = principal.GroupId;
                return new ScheduledTaskInfo((string)task.Path, (bool)task.Enabled, RunAs(userId, groupId));
            }
            finally
            {
                ComFailure.Release(principal);
                ComFailure.Release(definition);
            }
        });

    public void SetEnabled(string fullPath, bool enabled) =>
        _ = WithTask($"{(enabled ? "enabling" : "disabling")} the scheduled task {fullPath}", fullPath, task =>
        {
            task.Enabled = enabled;
            return new ScheduledTaskInfo(fullPath, enabled, "");
        }) ?? throw ComFailure.From(ComFailure.FileNotFound, "The system cannot find the file specified.", null);

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

    /// <summary>Runs <paramref name="use"/> on the registered task, or answers null when there is no such folder or task.</summary>
    private T? WithTask<T>(string what, string fullPath, Func<dynamic, T> use)
        where T : class =>
        HostCall.RunNamed(what, _timeout, () =>
        {
            if (TaskLocation.Parse(fullPath) is not { } location)
            {
                return null;
            }

            object? service = null, folder = null, task = null;
            try
            {
                service = Activator.CreateInstance(Type.GetTypeFromProgID("Schedule.Service", throwOnError: true)!);
                dynamic scheduler = service!;
                scheduler.Connect();
                folder = scheduler.GetFolder(location.Folder);
                task = ((dynamic)folder).GetTask(location.Name);
                return use(task!);
            }
            catch (Exception e) when (ComFailure.IsCom(e))
            {
                var cause = ComFailure.Unwrap(e);
                if (cause.HResult is ComFailure.FileNotFound or ComFailure.PathNotFound)
                {
                    return null;
                }

                throw ComFailure.From(cause);
            }
            finally
            {
                ComFailure.Release(task);
                ComFailure.Release(folder);
                ComFailure.Release(service);
            }
        });
}
