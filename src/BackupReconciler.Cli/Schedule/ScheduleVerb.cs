using BackupReconciler.Baselines;
using BackupReconciler.Cli.CommandLine;
using BackupReconciler.Host;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;

namespace BackupReconciler.Cli.Schedule;

/// <summary>A parsed <c>schedule</c> command line, whichever parser made it.</summary>
/// <param name="Action">Which schedule verb: install, show or remove.</param>
/// <param name="Baseline">install's baseline, as given.</param>
/// <param name="VarsFile">install's --vars file, as given.</param>
/// <param name="StateDirectory">--state-dir as given, passed on to the scheduled runs; null for the default.</param>
/// <param name="WhatIf">--what-if: change nothing, say what would be done (as with every verb).</param>
/// <param name="Audit">--audit: the scheduled runs are what-if audits (apply --what-if) that change nothing.</param>
/// <param name="Snapshot">--snapshot: register in the snapshot file instead of the live Task Scheduler.</param>
public sealed record ScheduleRequest(VerbKind Action, string? Baseline, string? VarsFile, string? StateDirectory, TimeSpan Every, bool WhatIf, bool Audit, string? Snapshot);

/// <summary>The program a scheduled run starts: this exe, or dotnet with this assembly when run through dotnet.</summary>
public sealed record ProgramInvocation(string Command, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>This process as a task would start it again: its absolute path, and the entry assembly when the host is dotnet.</summary>
    public static ProgramInvocation Current()
    {
        var process = Environment.ProcessPath ?? throw new InputException(null, "the path of this program is not known, so a task cannot start it; run backup-reconciler from its installed path.");
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ProgramInvocation(process, [Path.Combine(AppContext.BaseDirectory, "backup-reconciler.dll")])
            : new ProgramInvocation(process, []);
    }
}

/// <summary>
/// <c>schedule</c> from a parsed request: absolute paths checked, the baseline loaded as a run would load it
/// (a baseline that cannot load is not scheduled to fail every interval), the host's task registration opened
/// (the snapshot's, or Task Scheduler on Windows), then <see cref="ScheduleCommand"/>.
/// </summary>
public static class ScheduleVerb
{
    public const string SecretRefused =
        "schedule does not take --var-secret: a task's command line is readable by anyone who can list tasks, so no secret goes there; "
        + "put the variables in a vars file (--vars FILE) whose ACL lets only SYSTEM and Administrators read it.";

    public const string VarRefused =
        "schedule does not take --var: give the scheduled run its variables in a vars file (--vars FILE), so the task's command line holds no values.";

    /// <param name="liveEventSources">The live machine's event source registrar: used only when the live host is the one scheduled on.</param>
    public static int Run(ScheduleRequest request, ProgramInvocation program, IEventSourceRegistrar? liveEventSources, TextWriter stdout, TextWriter stderr, TimeProvider clock, SecretRedactor secrets)
    {
        var target = Open(request.Snapshot, liveEventSources, clock);

        // The live host holds a COM session; a snapshot host holds nothing.
        using var hostLifetime = target.Host as IDisposable;
        var command = new ScheduleCommand(target.Tasks, target.EventSources, stdout, stderr);
        try
        {
            var exitCode = request.Action switch
            {
                VerbKind.ScheduleShow => command.Show(),
                VerbKind.ScheduleRemove => command.Remove(request.WhatIf),
                VerbKind.ScheduleInstall => command.Install(Define(request, program, target.Host.Facts, secrets), request.WhatIf),
                var other => throw new InvalidOperationException($"{other} is not a schedule verb"),
            };

            // The host's own write-back: the snapshot writes its file, the live host has changed Windows already.
            target.Host.Commit();
            return exitCode;
        }
        catch (HostOperationException e)
        {
            stdout.Flush();
            throw new ScheduleFailedException($"{Name(request.Action)}: {e.Message}", e);
        }
    }

    /// <summary>The verb as the command line names it ("schedule install"), from its one registration.</summary>
    private static string Name(VerbKind action) => VerbCatalog.All.Single(v => v.Kind == action).Name;

    private static ScheduledTaskDefinition Define(ScheduleRequest request, ProgramInvocation program, IReadOnlyDictionary<string, string> facts, SecretRedactor secrets)
    {
        var baseline = ExistingFile(request.Baseline!, "the baseline");
        var vars = request.VarsFile is null ? null : ExistingFile(request.VarsFile, "--vars");
        new BaselineLoader(ResourceCatalog.Default).Load(baseline, new VariableInputs([], vars), facts, secrets);
        var stateDirectory = request.StateDirectory is null ? null : Path.GetFullPath(request.StateDirectory);
        var definition = ScheduledRun.Define(program.Command, baseline, vars, stateDirectory, request.Every, request.Audit);
        return program.LeadingArguments.Count == 0
            ? definition
            : definition with { Arguments = WindowsCommandLine.Join(program.LeadingArguments) + " " + definition.Arguments };
    }

    private static string ExistingFile(string path, string what)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full)
            ? full
            : throw new InputException(null, $"{what} {path} does not exist ({full}); a scheduled run would fail every time, so nothing was scheduled.");
    }

    /// <summary>
    /// The host schedule changes, with its own task registration and event source: a snapshot's are in the
    /// snapshot (which holds no event log sources, so none is registered on the machine that runs this), the
    /// live host's are Task Scheduler and the event log of this machine.
    /// </summary>
    private static ScheduleTarget Open(string? snapshot, IEventSourceRegistrar? liveEventSources, TimeProvider clock)
    {
        if (snapshot is not null)
        {
            var host = SnapshotHost.Load(snapshot, clock);
            return new ScheduleTarget(host, host.TaskRegistration, EventSourceTarget.None(
                "a snapshot holds no event log sources; schedule install on the live host registers it"));
        }

        if (!OperatingSystem.IsWindows())
        {
            throw new InputException(null, $"there is no Task Scheduler on {Environment.OSVersion.Platform}; pass --snapshot FILE to register the task in a snapshot.");
        }

        var live = new Windows.LiveWindowsHost();
        return new ScheduleTarget(live, live.TaskRegistration, liveEventSources is null
            ? EventSourceTarget.None("this build has no event log registration on this host")
            : EventSourceTarget.Of(liveEventSources));
    }

    /// <summary>The host a schedule command changes: its facts and write-back (<see cref="IHost"/>), its task registration and its event source.</summary>
    private sealed record ScheduleTarget(IHost Host, IScheduledTaskRegistration Tasks, EventSourceTarget EventSources);
}

/// <summary>The event source of the host being scheduled on: its registrar, or why that host has none to register.</summary>
internal sealed record EventSourceTarget(IEventSourceRegistrar? Registrar, string? WhyNone)
{
    public static EventSourceTarget Of(IEventSourceRegistrar registrar) => new(registrar, null);

    public static EventSourceTarget None(string why) => new(null, why);
}

/// <summary>The host failed a schedule command (access denied, Task Scheduler not running): exit 4 with Windows' words.</summary>
public sealed class ScheduleFailedException(string message, Exception inner) : Exception(message, inner);
