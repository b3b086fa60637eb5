using System.Globalization;
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
        var folder = FileRunJournal.RunsFolder(stateDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var records = Directory.EnumerateFiles(folder, "*.jsonl")
            .Select(path => (Path: path, Record: RunRecord.Read(path)))
            .ToList();
        var newestCompletePerHost = records
            .Where(r => r.Record is { Unreadable: false, Complete: true })
            .GroupBy(r => r.Record.Host, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Select(r => Path.GetFileName(r.Path)).Order(StringComparer.Ordinal).Last())
            .ToHashSet(StringComparer.Ordinal);
        var cutoff = now - keep;
        var pruned = new List<string>();
        foreach (var (path, record) in records)
        {
            if (record.Unreadable || record.Damaged || !record.Complete || record.Stopped
                || record.RunId == currentRunId
                || Path.GetFileNameWithoutExtension(path) == currentRunId
                || newestCompletePerHost.Contains(Path.GetFileName(path))
                || !DateTimeOffset.TryParse(record.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
                || started >= cutoff)
            {
                continue;
            }

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
}
