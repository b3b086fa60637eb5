using System.Globalization;
using BackupReconciler.Host.ScheduledTasks;

namespace BackupReconciler.Cli.Schedule;

/// <summary>
/// What <c>schedule install</c> registers: the task that runs <c>apply</c> (or, with --what-if, an audit
/// that changes nothing) on the baseline, as SYSTEM, every interval with a random delay, never two at once.
/// </summary>
internal static class ScheduledRun
{
    /// <summary>One task per host: a host reconciles to one baseline (which includes the others).</summary>
    public const string TaskPath = @"\BackupReconciler\Scheduled correction";

    public const string RunAs = @"NT AUTHORITY\SYSTEM";

    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMinutes(30);

    /// <summary>Task Scheduler repeats no more often than once a minute, and no less often than every 31 days.</summary>
    public static readonly TimeSpan ShortestEvery = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestEvery = TimeSpan.FromDays(31);

    /// <summary>
    /// A run is stopped after two hours: runs take seconds to minutes, and a hung one must not keep the
    /// next ones from starting (with MultipleInstances IgnoreNew, a start while a run is going is skipped).
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromHours(2);

    /// <param name="program">This program's absolute path (Environment.ProcessPath).</param>
    /// <param name="baseline">The baseline's absolute path.</param>
    /// <param name="varsFile">The vars file's absolute path, or null.</param>
    /// <param name="stateDirectory">The state directory's absolute path when one was given, or null for the default.</param>
    /// <param name="audit">True for a what-if audit instead of apply.</param>
    public static ScheduledTaskDefinition Define(string program, string baseline, string? varsFile, string? stateDirectory, TimeSpan every, bool audit)
    {
        // No --detailed-exitcodes: Task Scheduler's "last run result" is then 0 when the host ended as the
        // baseline wants (drift corrected or none) and non-zero only when something failed, which is what a
        // monitor alerting on a non-zero result should see. An audit (apply --what-if) exits 2 on drift by design.
        var arguments = new List<string> { "apply", baseline };
        if (varsFile is not null)
        {
            arguments.AddRange(["--vars", varsFile]);
        }

        if (stateDirectory is not null)
        {
            arguments.AddRange(["--state-dir", stateDirectory]);
        }

        if (audit)
        {
            arguments.Add("--what-if");
        }

        // The description names neither the baseline nor the interval, which the arguments and trigger hold:
        // a changed interval is then reported once, as itself.
        return new ScheduledTaskDefinition(
            TaskPath,
            audit
                ? "BackupReconciler audits this host against its baseline on this schedule and changes nothing (registered by schedule install)."
                : "BackupReconciler applies its baseline to this host on this schedule (registered by schedule install).",
            program,
            WindowsCommandLine.Join(arguments),
            every,
            RandomDelay(every),
            TimeLimit,
            RunAs,
            TaskOverlap.IgnoreNew,
            StartWhenAvailable: true,
            Enabled: true);
    }

    /// <summary>A tenth of the interval, at most an hour: a fleet of servers does not start at once.</summary>
    public static TimeSpan RandomDelay(TimeSpan every) =>
        TimeSpan.FromSeconds(Math.Floor(Math.Min(every.TotalSeconds / 10, TimeSpan.FromHours(1).TotalSeconds)));

    /// <summary>A duration as the command line takes it: 30m, 1h30m, 1d, 90s.</summary>
    public static string Say(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new (long Count, string Unit)[] { (span.Days, "d"), (span.Hours, "h"), (span.Minutes, "m"), (span.Seconds, "s") };
        return string.Concat(parts.Where(p => p.Count > 0).Select(p => p.Count.ToString(CultureInfo.InvariantCulture) + p.Unit));
    }
}
