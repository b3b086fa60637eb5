using System.Globalization;
using System.Text;
using BackupReconciler.Baselines.References;
using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// The report for people: a line per resource (mark, id, type, status in aligned columns), under it its
/// differences and, where something is or was wrong, why the baseline wants it and the article it cites;
/// then restarts, manual steps and a summary that counts exactly the resource lines.
/// </summary>
public static class TextReport
{
    private const string Detail = "      ";

    public static string Render(RunResult run, int exitCode) => Render(run, exitCode, TextStyle.Plain);

    public static string Render(RunResult run, int exitCode, TextStyle style)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{run.Command} {run.Baseline} on {run.Host} · {(run.WhatIf ? "what-if, nothing changed · " : "")}{RunLabel(run)}\n");
        foreach (var notice in run.Notices)
        {
            text.Append(CultureInfo.InvariantCulture, $"note: {notice}\n");
        }

        var width = run.Resources.Count == 0 ? 0 : run.Resources.Max(r => r.Id.Length);
        var typeWidth = run.Resources.Count == 0 ? 0 : run.Resources.Max(r => r.Type.Length);
        foreach (var resource in run.Resources)
        {
            var mark = Mark(resource);
            // Padded before painting, so escape codes never shift a column.
            text.Append(CultureInfo.InvariantCulture, $"  {style.Paint(mark.ToString(), MarkTone(mark))} {resource.Id.PadRight(width)}  {resource.Type.PadRight(typeWidth)}  {style.Paint(StatusNames.Of(resource.Status), MarkTone(mark))}");
            if (resource.Error is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $": {resource.Error}");
            }

            text.Append('\n');
            var propertyWidth = resource.Differences.Count == 0 ? 0 : resource.Differences.Max(d => d.Property.Length);
            foreach (var difference in resource.Differences)
            {
                var lines = DifferenceText.Lines(difference, propertyWidth, style.Secret);
                text.Append(Detail).Append(style.Paint(lines[0][..1], DifferenceText.ToneOf(lines[0][0]))).Append(lines[0][1..]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    text.Append(Detail).Append("    ").Append(line[0] == ' ' ? line : style.Paint(line[..1], DifferenceText.ToneOf(line[0])) + line[1..]).Append('\n');
                }
            }

            if (style.Verbose || resource.Status is not (ResourceStatus.Compliant or ResourceStatus.Skipped or ResourceStatus.NotUndoable))
            {
                AppendWhy(text, resource, style);
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

        text.Append(SummaryLine(run, exitCode)).Append('\n');
        return text.ToString();
    }

    /// <summary>The closing line: every status counted, the time taken, and the exit code when the process exits with it.</summary>
    public static string SummaryLine(RunResult run, int? exitCode)
    {
        var s = run.Summary;
        var rare = (s.PredictedFailure > 0 ? $", {s.PredictedFailure} predicted to fail" : "") + (s.NotUndoable > 0 ? $", {s.NotUndoable} not undoable" : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Total} resources: {s.Compliant} compliant, {s.Drifted} drifted, {s.Changed} changed, {s.Manual} manual, {s.Failed} failed, {s.Skipped} skipped{rare} · {(long)run.Duration.TotalMilliseconds} ms{(exitCode is { } code ? $" · exit {code}" : "")}");
    }

    /// <summary>
    /// A what-if run writes no journal, so <c>runs</c> does not list it and <c>undo</c> cannot take it: its id
    /// is shown as what it is, an identifier of this report only.
    /// </summary>
    public static string RunLabel(RunResult run) => run.WhatIf ? $"id {run.RunId} (what-if: not recorded)" : $"run {run.RunId}";

    /// <summary>The baseline's reason and the article it cites, under the resource.</summary>
    private static void AppendWhy(StringBuilder text, ResourceResult resource, TextStyle style)
    {
        if (resource.Why is { } why)
        {
            text.Append(Detail).Append(style.Paint("why: ", Tone.Quiet)).Append(why).Append('\n');
        }

        if (resource.Reference is not { } reference)
        {
            return;
        }

        var citations = Citation.Parse(reference);
        if (citations.Count == 0)
        {
            text.Append(Detail).Append(style.Paint("see: ", Tone.Quiet)).Append(reference).Append('\n');
            return;
        }

        for (var i = 0; i < citations.Count; i++)
        {
            text.Append(Detail).Append(style.Paint(i == 0 ? "see: " : "also: ", Tone.Quiet)).Append(Cited(citations[i])).Append('\n');
        }
    }

    /// <summary>"KB 4456295 · title · section · url": the parts the article has, in that order.</summary>
    private static string Cited(Citation citation)
    {
        var parts = new List<string>();
        if (citation.Article?.Kb is { } kb)
        {
            parts.Add("KB " + kb);
        }

        parts.Add(citation.Article?.Title ?? citation.Seed);
        if (citation.Section is { } section)
        {
            parts.Add(section);
        }

        if (citation.Article?.Url is { } url)
        {
            parts.Add(url);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// The resource's mark, as Terraform users read it: <c>+</c> created, <c>~</c> changed, <c>-</c> removed
    /// (by what its differences do), <c>!</c> left to a person, <c>✗</c> failed, <c>?</c> predicted to fail,
    /// <c>✓</c> compliant, <c>·</c> skipped, <c>•</c> not undoable.
    /// </summary>
    public static char Mark(ResourceResult resource) => resource.Status switch
    {
        ResourceStatus.Compliant => '✓',
        ResourceStatus.Drifted or ResourceStatus.Changed => ChangeMark(resource),
        ResourceStatus.Manual => '!',
        ResourceStatus.Failed => '✗',
        ResourceStatus.PredictedFailure => '?',
        ResourceStatus.NotUndoable => '•',
        _ => '·',
    };

    /// <summary><c>+</c> when everything it changes is added, <c>-</c> when everything is removed, <c>~</c> otherwise.</summary>
    private static char ChangeMark(ResourceResult resource)
    {
        var marks = resource.Differences.Where(d => !d.IsManual).Select(DifferenceText.Mark).Distinct().ToList();
        return marks is ['+'] or ['-'] ? marks[0] : '~';
    }

    private static Tone MarkTone(char mark) => mark switch
    {
        '✓' => Tone.Good,
        '+' => Tone.Create,
        '~' => Tone.Change,
        '-' => Tone.Remove,
        '!' => Tone.Manual,
        '✗' or '?' => Tone.Failure,
        _ => Tone.Quiet,
    };
}
