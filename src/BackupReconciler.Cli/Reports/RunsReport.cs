using System.Text;
using BackupReconciler.Engine.Journal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Reports;

/// <summary>The <c>runs</c> listing: one line per recorded run, newest last.</summary>
public static class RunsReport
{
    public static string Render(IReadOnlyList<RunRecord> runs, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            return new JArray(runs.Select(r => new JObject
            {
                ["runId"] = r.RunId,
                ["time"] = r.Time,
                ["command"] = r.Command,
                ["baseline"] = r.Baseline,
                ["host"] = r.Host,
                ["complete"] = r.Complete,
                ["interruptedWhileChanging"] = r.InterruptedWhileChanging,
                ["summary"] = r.Summary?.DeepClone(),
                ["stopped"] = r.Stopped,
                ["damage"] = new JArray(r.Damage.Cast<object>().ToArray()),
            })).ToString(Formatting.Indented) + "\n";
        }

        if (runs.Count == 0)
        {
            return "no runs recorded in this state directory\n";
        }

        var text = new StringBuilder();
        foreach (var run in runs)
        {
            // A damaged journal is never shown as a good run: undo refuses it without --force.
            if (run.Unreadable)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{run.RunId}  DAMAGED: {string.Join("; ", run.Damage)}\n");
                continue;
            }

            var damage = run.Damaged ? $"DAMAGED: {string.Join("; ", run.Damage)}; " : "";
            var state = damage + (run.Stopped ? "STOPPED on request, " : "") + (run.Complete
                ? Counts(run.Summary)
                : "INTERRUPTED" + (run.InterruptedWhileChanging is { } r ? $" while changing \"{r}\"" : ""));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{run.RunId}  {run.Time}  {run.Command} {run.Baseline} on {run.Host}  {state}\n");
        }

        return text.ToString();
    }

    private static string Counts(JObject? summary) => summary is null
        ? "complete"
        : string.Join(", ", new[] { "changed", "failed", "manual", "compliant" }.Select(k => $"{summary[k]} {k}"));
}
