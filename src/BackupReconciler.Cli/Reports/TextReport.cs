using System.Globalization;
using System.Text;
using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>The report for people: a line per resource with a mark, a line per difference, restarts, manual steps, a summary.</summary>
public static class TextReport
{
    public static string Render(RunResult run, int exitCode)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{run.Command} {run.Baseline} on {run.Host} · run {run.RunId}{(run.WhatIf ? " · what-if, nothing changed" : "")}\n");
        foreach (var notice in run.Notices)
        {
            text.Append(CultureInfo.InvariantCulture, $"note: {notice}\n");
        }

        var width = run.Resources.Count == 0 ? 0 : run.Resources.Max(r => r.Id.Length);
        var typeWidth = run.Resources.Count == 0 ? 0 : run.Resources.Max(r => r.Type.Length);
        foreach (var resource in run.Resources)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Mark(resource.Status)} {resource.Id.PadRight(width)}  {resource.Type.PadRight(typeWidth)}  {StatusNames.Of(resource.Status)}");
            if (resource.Error is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $": {resource.Error}");
            }

            text.Append('\n');
            foreach (var difference in resource.Differences)
            {
                text.Append(CultureInfo.InvariantCulture, $"      {difference.Property}: {ValueText.Format(difference.Actual)} → {ValueText.Format(difference.Desired)}{Marker(difference)}\n");
            }
        }

        if (run.Restarts.Count > 0)
        {
            text.Append("Restarts:\n");
            foreach (var restart in run.Restarts)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {restart.Service}: {StatusNames.Of(restart.Status)} ({restart.Reason}){(restart.Error is null ? "" : ": " + restart.Error)}{(restart.Waiting is null ? "" : ": waits, " + restart.Waiting)}\n");
            }
        }

        if (run.ManualSteps.Count > 0)
        {
            text.Append("Manual steps:\n");
            foreach (var step in run.ManualSteps)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {step.Resource}: {step.Step}\n");
            }
        }

        var s = run.Summary;
        var rare = (s.PredictedFailure > 0 ? $", {s.PredictedFailure} predicted to fail" : "") + (s.NotUndoable > 0 ? $", {s.NotUndoable} not undoable" : "");
        text.Append(CultureInfo.InvariantCulture,
            $"{s.Total} resources: {s.Compliant} compliant, {s.Drifted} drifted, {s.Changed} changed, {s.Manual} manual, {s.Failed} failed, {s.Skipped} skipped{rare} · {(long)run.Duration.TotalMilliseconds} ms · exit {exitCode}\n");
        return text.ToString();
    }

    /// <summary>What apply does not do with a difference, said on its line: a person's change, or one undo cannot take back.</summary>
    private static string Marker(Resources.Difference difference) =>
        difference.IsManual ? "  [manual]"
        : difference.NotUndoable is { } why ? $"  [not undoable: {why}]"
        : "";

    private static char Mark(ResourceStatus status) => status switch
    {
        ResourceStatus.Compliant => '✓',
        ResourceStatus.Drifted => '~',
        ResourceStatus.Changed => '+',
        ResourceStatus.Manual => '!',
        ResourceStatus.Failed => '✗',
        ResourceStatus.PredictedFailure => '?',
        ResourceStatus.NotUndoable => '•',
        _ => '-',
    };
}
