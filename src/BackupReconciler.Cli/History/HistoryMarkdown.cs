using System.Globalization;
using System.Text;

namespace BackupReconciler.Cli.History;

/// <summary>The drift history as Markdown: a summary table, then each setting's corrections, for a ticket or a wiki page.</summary>
public static class HistoryMarkdown
{
    public static string Render(DriftHistory history)
    {
        var md = new StringBuilder();
        md.Append("# Drift history\n\n").Append(Cell(HistoryText.Summary(history))).Append("\n\n");
        if (history.Settings.Count == 0)
        {
            md.Append("No setting was corrected in this window.\n");
        }
        else
        {
            md.Append("| setting | type | host | corrected | last corrected | by run | fought over |\n|---|---|---|---:|---|---|---|\n");
            foreach (var s in history.Settings)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(s.Name)} | {Cell(s.Type)} | {Cell(s.Host)} | {s.CorrectingRuns} | {(s.Last is { } l ? HistoryText.Time(l.Time) : "")} | {Cell(s.Last?.RunId ?? "")} | {(s.FoughtOver ? "**yes**" : "no")} |\n");
            }

            foreach (var s in history.Settings)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n## {Cell(s.Name)} on {Cell(s.Host)}\n\n");
                foreach (var c in s.Corrections.Concat(s.Undos).OrderBy(c => c.Time))
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {HistoryText.Time(c.Time)} run {Cell(c.RunId)} ({c.Command}): `{Code(c.Previous)}` → `{Code(c.Intended)}`\n");
                }
            }
        }

        if (history.Problems.Count > 0)
        {
            md.Append("\n## Journals not fully read\n\n");
            foreach (var problem in history.Problems)
            {
                md.Append("- ").Append(Cell(problem)).Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>Table cells and lines: pipes and line breaks would break the table; markup characters are escaped.</summary>
    private static string Cell(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
