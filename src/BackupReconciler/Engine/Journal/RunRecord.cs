using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// One run as its journal tells it. A run without an end line was interrupted; a "before" without
/// its "after" names the resource it was changing when it stopped.
/// </summary>
public sealed record RunRecord(
    string RunId,
    string Time,
    string Command,
    string Baseline,
    string Host,
    bool Complete,
    string? InterruptedWhileChanging,
    JObject? Summary)
{
    /// <summary>Reads a journal; a damaged last line (the process died while writing it) is ignored like a missing one.</summary>
    public static RunRecord? Read(string path)
    {
        JObject? start = null, end = null;
        var open = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            JObject entry;
            try
            {
                entry = JsonLine.Parse(line);
            }
            catch (JsonReaderException)
            {
                continue;
            }

            switch ((string?)entry["event"])
            {
                case "start": start = entry; break;
                case "end": end = entry; break;
                case "before": open.Add((string)entry["resource"]!); break;
                case "after": open.Remove((string)entry["resource"]!); break;
            }
        }

        if (start is null)
        {
            return null;
        }

        return new RunRecord(
            (string)start["runId"]!,
            (string)start["time"]!,
            (string)start["command"]!,
            (string)start["baseline"]!,
            (string)start["host"]!,
            end is not null,
            end is null ? open.LastOrDefault() : null,
            end?["summary"] as JObject);
    }

    /// <summary>Every run recorded in the state directory, oldest first (run ids sort by time).</summary>
    public static IReadOnlyList<RunRecord> All(string stateDirectory) =>
        Journals(stateDirectory).Order(StringComparer.Ordinal).Select(Read).OfType<RunRecord>().ToList();

    /// <summary>
    /// The newest run of <paramref name="host"/>, reading journals newest first and stopping at the first
    /// match: a watch leaves thousands of journals, and every apply asks this.
    /// </summary>
    public static RunRecord? Latest(string stateDirectory, string host) =>
        Journals(stateDirectory).OrderDescending(StringComparer.Ordinal).Select(Read)
            .FirstOrDefault(r => r is not null && r.Host.Equals(host, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Journals(string stateDirectory)
    {
        var folder = FileRunJournal.RunsFolder(stateDirectory);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.jsonl") : [];
    }
}
