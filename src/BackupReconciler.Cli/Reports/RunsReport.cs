using System.Globalization;
using System.Text;
using BackupReconciler.Engine.Journal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// The <c>runs</c> listing, oldest first: a header and a line per recorded run (text), or the runs under
/// the report's own field names (<c>startedAt</c>, <c>summary</c> in the report's order) in JSON.
/// Only runs that changed the host are journaled: a what-if run is never listed (its report says so).
/// </summary>
public static class RunsReport
{
    /// <summary>The report summary's members, in its order: the listing and the JSON use the same.</summary>
    public static readonly string[] SummaryOrder = ["total", "compliant", "drifted", "changed", "manual", "failed", "skipped", "predictedFailure", "notUndoable"];

    public static string Render(IReadOnlyList<RunRecord> runs, OutputFormat format) =>
        format == OutputFormat.Json ? Json(runs).ToString(Formatting.Indented) + "\n" : Text(runs);

    public static JObject Json(IReadOnlyList<RunRecord> runs) => new()
    {
        ["schemaVersion"] = 1,
        ["command"] = "runs",
        ["runs"] = new JArray(runs.Select(r => new JObject
        {
            ["runId"] = r.RunId,
            ["startedAt"] = r.Time,
            ["command"] = r.Command,
            ["baseline"] = r.Baseline,
            ["host"] = r.Host,
            ["complete"] = r.Complete,
            ["stopped"] = r.Stopped,
            ["interruptedWhileChanging"] = r.InterruptedWhileChanging,
            ["damage"] = new JArray(r.Damage.Cast<object>().ToArray()),
            ["summary"] = Summary(r.Summary),
        })),
    };

    /// <summary>The journal's summary in the report's order; members this build does not know are kept, after them.</summary>
    private static JObject? Summary(JObject? journaled)
    {
        if (journaled is null)
        {
            return null;
        }

        var ordered = new JObject();
        foreach (var name in SummaryOrder.Where(n => journaled[n] is not null))
        {
            ordered[name] = journaled[name]!.DeepClone();
        }

        foreach (var other in journaled.Properties().Where(p => !SummaryOrder.Contains(p.Name, StringComparer.Ordinal)))
        {
            ordered[other.Name] = other.Value.DeepClone();
        }

        return ordered;
    }

    private static string Text(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0)
        {
            return "no runs recorded in this state directory (what-if runs are never recorded)\n";
        }

        var rows = runs.Select(run => new[] { run.RunId, run.Time, run.Command, run.Baseline, run.Host, Outcome(run) }).ToList();
        var header = new[] { "run", "startedAt", "command", "baseline", "host", "outcome" };
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            // The last column is not padded: no trailing blanks.
            text.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>How the run ended. A damaged journal is never shown as a good run: undo refuses it without --force.</summary>
    private static string Outcome(RunRecord run)
    {
        if (run.Unreadable)
        {
            return $"DAMAGED: {string.Join("; ", run.Damage)}";
        }

        var damage = run.Damaged ? $"DAMAGED: {string.Join("; ", run.Damage)}; " : "";
        return damage + (run.Stopped ? "STOPPED on request, " : "") + (run.Complete
            ? Counts(run.Summary)
            : "INTERRUPTED" + (run.InterruptedWhileChanging is { } r ? $" while changing \"{r}\"" : ""));
    }

    /// <summary>The counts as the report's summary line words them, in its order; zero counts of the rare statuses left out.</summary>
    private static string Counts(JObject? summary)
    {
        if (summary is null)
        {
            return "complete";
        }

        // A count the summary does not hold is "?", not 0 (the journal is then listed as damaged too); the two
        // rarer statuses came later, and their absence in an older journal means none.
        string Count(string name) => summary[name] is JValue { Type: JTokenType.Integer } value
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : name is "predictedFailure" or "notUndoable" ? "0" : "?";

        var parts = new List<string>();
        foreach (var name in SummaryOrder.Skip(1))
        {
            var count = Count(name);
            if (count == "0" && name is "predictedFailure" or "notUndoable")
            {
                continue;
            }

            parts.Add($"{count} {(name switch { "predictedFailure" => "predicted to fail", "notUndoable" => "not undoable", _ => name })}");
        }

        return $"{Count("total")} resources: {string.Join(", ", parts)}";
    }
}
