using System.Globalization;
using BackupReconciler.Engine;
using Serilog;
using Serilog.Events;

namespace BackupReconciler.Cli.WindowsEvents;

/// <summary>One event an applying run reports: its stable id, level, message template (which fixes the order of its values) and values.</summary>
public sealed record RunEvent(int Id, LogEventLevel Level, string Template, IReadOnlyList<object> Values);

/// <summary>
/// The events an applying run (apply, undo, watch; never what-if) writes to the Windows event log: one per
/// change made, one per failure (its words from the failure's source: a change, a read, a defect), one per
/// service restart, then one summary. The ids are stable (README,
/// "Windows event log"), so monitoring can alert on them. Every template starts with the same four values
/// (run id, command, baseline, host), so they are the same replacement strings (%2 to %5) in every event.
/// </summary>
public static class RunEvents
{
    /// <summary>The log event property that marks a run event; only events with it reach the event log.</summary>
    public const string EventIdProperty = "EventId";

    public const int NothingToChange = 1000;
    public const int DriftCorrected = 1001;
    public const int RunFailed = 1002;
    public const int RunStopped = 1003;
    public const int ManualStepsLeft = 1004;
    public const int ChangeMade = 1100;
    public const int ServiceRestarted = 1101;
    public const int ChangeFailed = 1200;
    public const int RestartFailed = 1201;

    private const string Run = "run {RunId} ({Command} {Baseline}) on {Host}";

    public static IReadOnlyList<RunEvent> Of(RunResult run, bool stopped)
    {
        var events = new List<RunEvent>();
        foreach (var resource in run.Resources)
        {
            if (resource.Status == ResourceStatus.Changed)
            {
                events.Add(Event(run, ChangeMade, LogEventLevel.Information, $"Setting changed by {Run}: {{Resource}} ({{Type}}) {{Changes}}.", resource.Id, resource.Type, Changes(resource)));
            }
            else if (resource.Status == ResourceStatus.Failed)
            {
                // Said as the engine recorded where it failed: a resource that could not be read was not changed.
                var what = resource.Source switch
                {
                    FailureSource.HostRead => "Reading a resource failed",
                    FailureSource.Internal => "A resource failed on a defect of this tool",
                    FailureSource.Precondition => "A resource was left unchanged, its precondition not met",
                    _ => "Change failed",
                };
                events.Add(Event(run, ChangeFailed, LogEventLevel.Error, $"{what} in {Run}: {{Resource}} ({{Type}}): {{Error}}", resource.Id, resource.Type, resource.Error ?? "no reason given"));
            }
        }

        foreach (var restart in run.Restarts)
        {
            if (restart.Status == RestartStatus.Restarted)
            {
                events.Add(Event(run, ServiceRestarted, LogEventLevel.Information, $"Service restarted by {Run}: {{Service}}, for {{Reason}}.", restart.Service, restart.Reason));
            }
            else if (restart.Status == RestartStatus.Failed)
            {
                events.Add(Event(run, RestartFailed, LogEventLevel.Error, $"Service restart failed in {Run}: {{Service}}: {{Error}}", restart.Service, restart.Error ?? "no reason given"));
            }
        }

        var summary = run.Summary;
        var (id, level, headline) = (summary.Failed > 0 || run.RestartFailed) ? (RunFailed, LogEventLevel.Error, "Run failed")
            : stopped ? (RunStopped, LogEventLevel.Warning, "Run stopped before it finished")
            : summary.Changed > 0 ? (DriftCorrected, LogEventLevel.Information, "Drift corrected")
            : summary.Manual > 0 ? (ManualStepsLeft, LogEventLevel.Warning, "Manual steps left")
            : (NothingToChange, LogEventLevel.Information, "Nothing to change");
        events.Add(Event(run, id, level,
            // Skipped and not undoable come last, after the seconds, so that %6 to %12 keep their documented places;
            // with them the counts add up to the total (an applying run has no drifted or predicted results).
            $"{headline}: {Run}: {{Changed}} changed, {{Failed}} failed, {{Manual}} manual, {{Compliant}} compliant of {{Total}} resources; {{RestartsFailed}} restarts failed; {{Seconds}} s; {{Skipped}} skipped, {{NotUndoable}} not undoable.",
            summary.Changed, summary.Failed, summary.Manual, summary.Compliant, summary.Total, run.Restarts.Count(r => r.Status == RestartStatus.Failed),
            run.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), summary.Skipped, summary.NotUndoable));
        return events;
    }

    /// <summary>Writes the run's events to <paramref name="log"/>, each marked with its id; the event log sink picks them out.</summary>
    public static void Write(ILogger log, RunResult run, bool stopped)
    {
        foreach (var runEvent in Of(run, stopped))
        {
            log.ForContext(EventIdProperty, runEvent.Id).Write(runEvent.Level, runEvent.Template, runEvent.Values.ToArray());
        }
    }

    /// <summary>"startType manual -> automatic; state stopped -> running": values as reports show them (secrets are masked by the sink's redactor).</summary>
    private static string Changes(ResourceResult resource) => string.Join("; ", resource.Differences
        .Where(d => !d.IsManual)
        .Select(d => $"{d.Property} {ValueText.Format(d.Actual)} -> {ValueText.Format(d.Desired)}"));

    private static RunEvent Event(RunResult run, int id, LogEventLevel level, string template, params object[] values) =>
        new(id, level, template, [run.RunId, run.Command, run.Baseline, run.Host, .. values]);
}
