using System.Globalization;
using System.Text;

namespace BackupReconciler.Cli.History;

/// <summary>The drift history for people at a console: fought-over settings first, each with its count, last correction and times.</summary>
public static class HistoryText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Summary(DriftHistory history) =>
        $"{Time(history.From)} to {Time(history.To)} (last {history.Since}{(history.Baseline is null ? "" : $", baseline {history.Baseline}")}): "
        + $"{Count(history.RunsRead, "applying run")} read, {Count(history.Settings.Count(s => s.Corrections.Count > 0), "setting")} corrected, "
        + $"{history.FoughtOverCount} fought over (corrected by {DriftHistory.FoughtOverThreshold} or more runs)";

    public static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    /// <summary>"corrected 4 times, last 2026-12-07T10:00:00Z by run X": the sentence an auditor reads first.</summary>
    public static string Corrected(SettingHistory setting) => setting.Last is { } last
        ? $"corrected {Count(setting.CorrectingRuns, "time")}, last {Time(last.Time)} by run {last.RunId} ({last.Command})"
        : "not corrected";

    public static string Render(DriftHistory history)
    {
        var text = new StringBuilder();
        text.Append("Drift history ").Append(Summary(history)).Append('\n');
        foreach (var setting in history.Settings)
        {
            text.Append('\n')
                .Append(setting.FoughtOver ? "FOUGHT OVER " : "")
                .Append(CultureInfo.InvariantCulture, $"{setting.Name} ({setting.Type}) on {setting.Host}: {Corrected(setting)}")
                .Append(setting.Undos.Count > 0 ? $"; undone {Count(setting.UndoingRuns, "time")}" : "")
                .Append('\n');
            foreach (var change in setting.Corrections.Concat(setting.Undos).OrderBy(c => c.Time))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Time(change.Time)}  run {change.RunId} ({change.Command}): {change.Previous} -> {change.Intended}\n");
            }
        }

        if (history.Settings.Count == 0)
        {
            text.Append("\nNo setting was corrected in this window.\n");
        }

        foreach (var problem in history.Problems)
        {
            text.Append("warning: ").Append(problem).Append('\n');
        }

        return text.ToString();
    }
}
