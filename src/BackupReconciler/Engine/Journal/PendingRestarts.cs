using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// The restarts earlier runs of a host deferred and no run has done since. Every applying run journals an
/// outcome for each restart it was asked for, carried-over ones included, so the newest complete run of the
/// host (and any interrupted runs after it, which may have stopped before their restarts) says everything:
/// per service the newest outcome wins, and "deferred" means still pending.
/// </summary>
public static class PendingRestarts
{
    /// <remarks>Opens only the journals that may be the host's (<see cref="RunRecord.OfHostNewestFirst"/>), newest first, up to its newest complete run.</remarks>
    public static IReadOnlyList<PendingRestart> Read(string stateDirectory, string host)
    {
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new List<PendingRestart>();
        foreach (var (path, run) in RunRecord.OfHostNewestFirst(stateDirectory, host))
        {
            // Newest line first within the run too: a service appears once per run, but be sure.
            foreach (var line in Enumerable.Reverse(RestartLines(path)))
            {
                var service = (string?)line["service"];
                if (service is null || !decided.Add(service))
                {
                    continue;
                }

                if ((string?)line["outcome"] == "deferred")
                {
                    pending.Add(new PendingRestart(service, (string?)line["reason"] ?? "", run.RunId));
                }
            }

            if (run.Complete)
            {
                break;
            }
        }

        pending.Reverse();
        return pending;
    }

    private static List<JObject> RestartLines(string path)
    {
        var lines = new List<JObject>();
        foreach (var text in File.ReadLines(path))
        {
            try
            {
                if (JsonLine.Parse(text) is { } entry && (string?)entry["event"] == "restart")
                {
                    lines.Add(entry);
                }
            }
            catch (JsonReaderException)
            {
                // The last line of a run killed while writing it.
            }
        }

        return lines;
    }
}
