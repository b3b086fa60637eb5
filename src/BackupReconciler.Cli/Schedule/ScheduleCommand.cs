using BackupReconciler.Engine;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.ScheduledTasks;

namespace BackupReconciler.Cli.Schedule;

/// <summary>
/// <c>schedule install|show|remove</c> against the task registration port: install registers the scheduled
/// correction task (<see cref="ScheduledRun"/>) only when it is missing or differs, says exactly which settings
/// changed, reads it back to prove it, and registers the event log source the runs write under; --what-if
/// changes nothing and says what it would do. Exit 0 when done, 4 when the host failed or did not keep what
/// was registered, with the error on standard error as every verb writes its errors. Parsing and opening the
/// host are the caller's (<see cref="ScheduleVerb"/>); the event source is the host's own (<see cref="EventSourceTarget"/>).
/// </summary>
internal sealed class ScheduleCommand(IScheduledTaskRegistration tasks, EventSourceTarget eventSources, TextWriter stdout, TextWriter stderr)
{
    public const string EventSource = EventLogMessage.Source;
    public const string EventLogName = EventLogMessage.LogName;

    public int Install(ScheduledTaskDefinition wanted, bool whatIf)
    {
        var prefix = whatIf ? "what-if: " : "";
        var current = tasks.ReadDefinition(wanted.FullPath);
        var differences = current is null ? [] : TaskDifference.Between(current, wanted);
        var summary = $"{(wanted.Arguments.EndsWith("--what-if", StringComparison.Ordinal) ? "an audit (apply --what-if)" : "apply")} every {ScheduledRun.Say(wanted.Every)} as {wanted.RunAs}";
        // Registered (and read back) before anything is said: a failure must not follow a "created".
        if (!whatIf && (current is null || differences.Count > 0))
        {
            tasks.Register(wanted);
            if (Unkept(wanted) is { } problem)
            {
                return problem;
            }
        }

        if (current is null)
        {
            stdout.WriteLine($"{prefix}{(whatIf ? "would create" : "created")} the task {wanted.FullPath}: {summary}, random delay up to {ScheduledRun.Say(wanted.RandomDelay)}, never two runs at once (multiple instances: {wanted.Overlap}), stopped after {ScheduledRun.Say(wanted.ExecutionTimeLimit)}, a missed run made up when the machine is back (start when available).");
            stdout.WriteLine($"{prefix}  program: {wanted.Command}");
            stdout.WriteLine($"{prefix}  arguments: {wanted.Arguments}");
        }
        else if (differences.Count == 0)
        {
            stdout.WriteLine($"{prefix}the task {wanted.FullPath} is unchanged: {summary}.");
        }
        else
        {
            stdout.WriteLine($"{prefix}{(whatIf ? "would change" : "changed")} the task {wanted.FullPath}: {string.Join("; ", differences)}.");
        }

        return EnsureEventSource(whatIf);
    }

    public int Show()
    {
        if (tasks.ReadDefinition(ScheduledRun.TaskPath) is not { } task)
        {
            stdout.WriteLine($"no scheduled correction is registered ({ScheduledRun.TaskPath}); schedule install BASELINE registers one.");
            return ExitCodes.NoChanges;
        }

        stdout.WriteLine($"task:                 {task.FullPath}");
        stdout.WriteLine($"enabled:              {(task.Enabled ? "yes" : "no")}");
        stdout.WriteLine($"runs as:              {(task.RunAs.Length == 0 ? "(no account)" : task.RunAs)}");
        stdout.WriteLine($"every:                {(task.Every == TimeSpan.Zero ? "(no repetition)" : ScheduledRun.Say(task.Every))}");
        stdout.WriteLine($"random delay:         {ScheduledRun.Say(task.RandomDelay)}");
        stdout.WriteLine($"time limit:           {ScheduledRun.Say(task.ExecutionTimeLimit)}");
        stdout.WriteLine($"multiple instances:   {task.Overlap}");
        stdout.WriteLine($"start when available: {(task.StartWhenAvailable ? "yes" : "no")}");
        stdout.WriteLine($"program:              {task.Command}");
        stdout.WriteLine($"arguments:            {task.Arguments}");
        return ExitCodes.NoChanges;
    }

    public int Remove(bool whatIf)
    {
        if (whatIf)
        {
            stdout.WriteLine(tasks.ReadDefinition(ScheduledRun.TaskPath) is null
                ? $"what-if: there is no task {ScheduledRun.TaskPath} to remove."
                : $"what-if: would remove the task {ScheduledRun.TaskPath}.");
            return ExitCodes.NoChanges;
        }

        // The event log source stays: older runs' events in the Application log are read through it.
        stdout.WriteLine(tasks.Delete(ScheduledRun.TaskPath)
            ? $"removed the task {ScheduledRun.TaskPath}."
            : $"there was no task {ScheduledRun.TaskPath} to remove.");
        return ExitCodes.NoChanges;
    }

    /// <summary>Reads the task back after registering it: a report of "created" must mean the host holds it.</summary>
    private int? Unkept(ScheduledTaskDefinition wanted)
    {
        var kept = tasks.ReadDefinition(wanted.FullPath);
        if (kept is null)
        {
            stderr.WriteLine($"error: Task Scheduler accepted the task {wanted.FullPath}, but it is not there when read back.");
            return ExitCodes.Failures;
        }

        var differences = TaskDifference.Between(kept, wanted);
        if (differences.Count > 0)
        {
            stderr.WriteLine($"error: Task Scheduler registered the task {wanted.FullPath}, but reads it back differently: {string.Join("; ", differences.Select(d => $"{d.Setting} is {d.Actual}, not {d.Wanted}"))}.");
            return ExitCodes.Failures;
        }

        return null;
    }

    private int EnsureEventSource(bool whatIf)
    {
        var prefix = whatIf ? "what-if: " : "";
        if (eventSources.Registrar is not { } registrar)
        {
            stdout.WriteLine($"{prefix}the event log source {EventSource} ({EventLogName} log) was not registered: {eventSources.WhyNone}.");
            return ExitCodes.NoChanges;
        }

        var state = registrar.Check();
        if (state.Registered)
        {
            stdout.WriteLine($"{prefix}the event log source {EventSource} is registered already.");
        }
        else if (whatIf && state.Problem is { } problem)
        {
            // Registering would fail (another log holds the source, or this account may not look): "would register" would be untrue.
            stdout.WriteLine($"{prefix}would not register the event log source {EventSource} ({EventLogName} log): {problem}.");
        }
        else if (whatIf)
        {
            stdout.WriteLine($"{prefix}would register the event log source {EventSource} ({EventLogName} log).");
        }
        else
        {
            registrar.EnsureRegistered();
            stdout.WriteLine($"registered the event log source {EventSource} ({EventLogName} log).");
        }

        return ExitCodes.NoChanges;
    }
}
