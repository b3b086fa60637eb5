using System.Globalization;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using Serilog;

namespace BackupReconciler.Cli.History;

/// <summary>
/// Deletes journals older than the retention (--keep, default 90 days) after an applying run. Only what is
/// safe to lose goes: a complete, undamaged journal whose run started before the retention, that is not
/// this run's and not the newest complete run of its host (that one carries the restarts still deferred,
/// <see cref="PendingRestarts"/>). Interrupted and damaged journals are kept whatever their age: they are
/// what a person must look at (runs lists them, undo --force may need them) and are deleted by hand.
/// </summary>
public static class JournalRetention
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(90);

    /// <returns>The run ids deleted.</returns>
    public static IReadOnlyList<string> Prune(string stateDirectory, TimeSpan keep, DateTimeOffset now, string currentRunId, ILogger log)
    {
        try
        {
            return PruneOld(stateDirectory, keep, now, currentRunId, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping after the run: it must never turn a finished run into a failed one.
            log.Warning("Old journals were not pruned: {Problem}", e.Message);
            return [];
        }
    }

    private static List<string> PruneOld(string stateDirectory, TimeSpan keep, DateTimeOffset now, string currentRunId, ILogger log)
    {
        // Newest first. Only journals older than the retention are candidates, and a journal named by its run id
        // (which is when the run started, to the second) shows its age in its name: a watch leaves thousands of
        // journals, and reading them all after every run cost seconds. Only the old ones are read, and newer ones
        // only until each candidate's host has its newest complete run.
        var journals = JournalFiles.NewestFirst(stateDirectory).ToList();
        var cutoff = now - keep;
        var read = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        RunRecord Read(string path) => read.TryGetValue(path, out var record) ? record : read[path] = RunRecord.Read(path);

        var candidates = new List<(string Path, RunRecord Record)>();
        foreach (var path in journals)
        {
            if (NamedStart(path) >= cutoff)
            {
                continue;
            }

            var record = Read(path);
            if (record.Unreadable || record.Damaged || !record.Complete || record.Stopped
                || record.RunId == currentRunId
                || JournalFiles.RunIdOf(path) == currentRunId
                || !DateTimeOffset.TryParse(record.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
                || started >= cutoff)
            {
                continue;
            }

            candidates.Add((path, record));
        }

        // The newest complete journal of each candidate's host carries the restarts still deferred: it stays. A journal
        // whose name says it is none of those hosts' is not opened (JournalFiles): a shared state directory holds
        // thousands of other hosts' journals.
        var hosts = candidates.Select(c => c.Record.Host).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newestComplete = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in journals)
        {
            if (hosts.Count == 0)
            {
                break;
            }

            if (hosts.Any(host => JournalFiles.MayBeOf(path, host))
                && Read(path) is { Unreadable: false, Complete: true } record && hosts.Remove(record.Host))
            {
                newestComplete.Add(path);
            }
        }

        var pruned = new List<string>();
        foreach (var (path, record) in candidates.Where(c => !newestComplete.Contains(c.Path)).Reverse())
        {
            try
            {
                File.Delete(path);
                pruned.Add(record.RunId);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Open in another process (runs, history) on Windows: the next run prunes it.
                log.Debug("Journal {Path} not pruned now: {Problem}", path, e.Message);
            }
        }

        if (pruned.Count > 0)
        {
            log.Information("Pruned {Count} journal(s) of runs older than {Keep} days: {RunIds}", pruned.Count, keep.TotalDays, string.Join(", ", pruned));
        }

        return pruned;
    }

    /// <summary>When the run started, from a journal named by its run id (<see cref="RunId"/>, to the second); the earliest time for any other name, which is then read.</summary>
    private static DateTimeOffset NamedStart(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Length > 16 && DateTimeOffset.TryParseExact(name[..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            ? started
            : DateTimeOffset.MinValue;
    }
}
