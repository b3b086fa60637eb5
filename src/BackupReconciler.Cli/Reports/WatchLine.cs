using System.Globalization;
using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// One line per watch run, for a log read later: when it started, which baseline, what came of it in
/// words (changes made, drift found, manual findings, failures, or nothing to do), the counts, the run.
/// No exit code: the watch does not exit with it, and a number is not an outcome a log reader should decode.
/// </summary>
public static class WatchLine
{
    public static string Of(RunResult run) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{run.StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}  {run.Baseline}: {Outcome(run)} · {TextReport.SummaryLine(run, null)} · {TextReport.RunLabel(run)}");

    /// <summary>What happened, in words; several when several things did, never just a number.</summary>
    public static string Outcome(RunResult run)
    {
        var s = run.Summary;
        var words = new List<string>();
        if (s.Changed > 0)
        {
            words.Add("changes made");
        }

        if (s.Drifted > 0)
        {
            words.Add(run.WhatIf ? "drift found (what-if: nothing changed)" : "drift left");
        }

        if (s.Manual > 0)
        {
            words.Add("manual findings");
        }

        if (s.PredictedFailure > 0)
        {
            words.Add("failures predicted");
        }

        if (s.Failed > 0 || run.RestartFailed)
        {
            words.Add("failures");
        }

        if (s.Skipped > 0)
        {
            words.Add("resources skipped");
        }

        return words.Count > 0 ? string.Join(", ", words)
            : s.Compliant == s.Total ? "no changes, in the desired state"
            : "no changes";
    }
}
