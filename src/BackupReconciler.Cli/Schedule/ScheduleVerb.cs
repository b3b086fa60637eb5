using BackupReconciler.Baselines;
using BackupReconciler.Host;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;

namespace BackupReconciler.Cli.Schedule;

/// <summary>A parsed <c>schedule</c> command line, whichever parser made it.</summary>
/// <param name="Action">install, show or remove.</param>
/// <param name="Baseline">install's baseline, as given.</param>
/// <param name="VarsFile">install's --vars file, as given.</param>
/// <param name="StateDirectory">--state-dir as given, passed on to the scheduled runs; null for the default.</param>
/// <param name="WhatIf">--what-if: change nothing, say what would be done (as with every verb).</param>
/// <param name="Audit">--audit: the scheduled runs are what-if audits (apply --what-if) that change nothing.</param>
/// <param name="Snapshot">--snapshot: register in the snapshot file instead of the live Task Scheduler.</param>
public sealed record ScheduleRequest(string Action, string? Baseline, string? VarsFile, string? StateDirectory, TimeSpan Every, bool WhatIf, bool Audit, string? Snapshot);

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

    public static int Run(ScheduleRequest request, ProgramInvocation program, IEventSourceRegistrar? eventSources, TextWriter stdout, TimeProvider clock, SecretRedactor secrets)
    {
        var (registration, facts, save) = Open(request.Snapshot, clock);
        var command = new ScheduleCommand(registration, eventSources, stdout);
        try
        {
            var exitCode = request.Action switch
            {
                "show" => command.Show(),
                "remove" => command.Remove(request.WhatIf),
                _ => command.Install(Define(request, program, facts, secrets), request.WhatIf),
            };
            save();
            return exitCode;
        }
        catch (HostOperationException e)
        {
            stdout.Flush();
            throw new ScheduleFailedException($"schedule {request.Action}: {e.Message}", e);
        }
    }

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

    private static (IScheduledTaskRegistration Registration, IReadOnlyDictionary<string, string> Facts, Action Save) Open(string? snapshot, TimeProvider clock)
    {
        if (snapshot is not null)
        {
            var host = SnapshotHost.Load(snapshot, clock);
            return (host.TaskRegistration, host.Facts, host.Save);
        }

        if (!OperatingSystem.IsWindows())
        {
            throw new InputException(null, $"there is no Task Scheduler on {Environment.OSVersion.Platform}; pass --snapshot FILE to register the task in a snapshot.");
        }

        var live = new Windows.LiveWindowsHost();
        return (live.TaskRegistration, live.Facts, () => { });
    }
}

/// <summary>The host failed a schedule command (access denied, Task Scheduler not running): exit 4 with Windows' words.</summary>
public sealed class ScheduleFailedException(string message, Exception inner) : Exception(message, inner);
