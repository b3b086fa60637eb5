using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.History;

/// <summary>The drift history as one JSON document (schemaVersion 1), for a SIEM or a script.</summary>
public static class HistoryJson
{
    public static string Render(DriftHistory history) => new JObject
    {
        ["schemaVersion"] = 1,
        ["command"] = "history",
        ["from"] = HistoryText.Time(history.From),
        ["to"] = HistoryText.Time(history.To),
        ["since"] = history.Since,
        ["baseline"] = history.Baseline,
        ["runsRead"] = history.RunsRead,
        ["foughtOverThreshold"] = DriftHistory.FoughtOverThreshold,
        ["foughtOver"] = history.FoughtOverCount,
        ["settings"] = new JArray(history.Settings.Select(s => new JObject
        {
            ["host"] = s.Host,
            ["baseline"] = s.Baseline,
            ["resource"] = s.Resource,
            ["type"] = s.Type,
            ["property"] = s.Property,
            ["corrected"] = s.CorrectingRuns,
            ["foughtOver"] = s.FoughtOver,
            ["lastCorrected"] = s.Last is { } last ? HistoryText.Time(last.Time) : null,
            ["lastRunId"] = s.Last?.RunId,
            ["corrections"] = Changes(s.Corrections),
            ["undos"] = Changes(s.Undos),
        })),
        ["problems"] = new JArray(history.Problems.Cast<object>().ToArray()),
    }.ToString(Formatting.Indented) + "\n";

    private static JArray Changes(IEnumerable<SettingChange> changes) => new(changes.Select(c => new JObject
    {
        ["runId"] = c.RunId,
        ["time"] = HistoryText.Time(c.Time),
        ["command"] = c.Command,
        ["previous"] = c.Previous,
        ["intended"] = c.Intended,
    }));
}
