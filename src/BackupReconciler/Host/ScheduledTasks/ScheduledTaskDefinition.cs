namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>
/// A task this tool registers (<c>schedule install</c>): one program run as an account every
/// <see cref="Every"/>, from the moment it is registered, each start delayed by up to <see cref="RandomDelay"/>.
/// What it reads back from a host is the same record, so a task changed by hand shows what differs.
/// </summary>
/// <param name="FullPath">Folder and name, as <see cref="ScheduledTaskPath"/> has them.</param>
/// <param name="Command">The program's absolute path; empty when the task runs no program.</param>
/// <param name="Arguments">Its command line after the program, quoted as Windows parses it.</param>
/// <param name="Every">The repetition interval; zero when the task does not repeat on a time trigger.</param>
/// <param name="RandomDelay">Up to how long each start is put off, so that a fleet does not start at once.</param>
/// <param name="ExecutionTimeLimit">After this long Task Scheduler stops the run.</param>
/// <param name="RunAs">The account, as Windows names it (<c>NT AUTHORITY\SYSTEM</c>).</param>
/// <param name="Overlap">What Task Scheduler does with a start while a run is still going.</param>
/// <param name="StartWhenAvailable">Whether a start missed (the machine off) is made up as soon as possible.</param>
/// <param name="Enabled">Whether the task's triggers fire.</param>
public sealed record ScheduledTaskDefinition(
    string FullPath,
    string Description,
    string Command,
    string Arguments,
    TimeSpan Every,
    TimeSpan RandomDelay,
    TimeSpan ExecutionTimeLimit,
    string RunAs,
    TaskOverlap Overlap,
    bool StartWhenAvailable,
    bool Enabled);

/// <summary>Task Scheduler's TASK_INSTANCES_POLICY, with its values.</summary>
public enum TaskOverlap
{
    Parallel = 0,
    Queue = 1,
    IgnoreNew = 2,
    StopExisting = 3,
}
