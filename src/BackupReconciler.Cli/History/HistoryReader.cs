using System.Globalization;
using BackupReconciler.Cli.CommandLine;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.History;

/// <summary>
/// Builds the drift history from the journals in the state directory. A change counts only when its
/// journal has the "after" line with outcome "changed": failed and interrupted changes do not (the report
/// names the interrupted ones), what-if runs keep no journal. Undo runs are listed per setting as undos and
/// never count as corrections. A journal <see cref="RunRecord"/> cannot read is named and skipped; a damaged
/// one counts what its readable lines record, and the report says lines were lost.
/// </summary>
public static class HistoryReader
{
    public static DriftHistory Read(string stateDirectory, Duration since, string? baseline, DateTimeOffset now)
    {
        var from = now - since.Span;
        var journals = JournalFiles.OldestFirst(stateDirectory).ToList();
        var journalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in journals)
        {
            journalOf.TryAdd(JournalFiles.RunIdOf(path), path);
        }

        var settings = new Dictionary<(string Host, string Baseline, string Resource, string Property), Builder>();
        var problems = new List<string>();
        var runsRead = 0;
        // Every journal read so far, by run id (from the file name): an undo run names the run it undid, read before it (ids sort by time).
        var read = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        foreach (var path in journals)
        {
            var record = RunRecord.Read(path);
            read[JournalFiles.RunIdOf(path)] = record;
            if (record.Unreadable)
            {
                problems.Add($"run {record.RunId} was not read: {string.Join("; ", record.Damage)}");
                continue;
            }

            if (!DateTimeOffset.TryParse(record.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                problems.Add($"run {record.RunId} was not read: its start time \"{record.Time}\" is not a time");
                continue;
            }

            var undo = VerbCatalog.KindOfCommand(record.Command) == VerbKind.Undo;
            var runBaseline = undo ? UndoneBaseline(record.Baseline, journalOf, read) : record.Baseline;
            if (time < from || time > now || (baseline is not null && !runBaseline.Equals(baseline, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            runsRead++;
            if (record.Damaged)
            {
                problems.Add($"run {record.RunId}'s journal is damaged ({string.Join("; ", record.Damage)}): a change recorded on those lines is not counted");
            }

            foreach (var (before, outcome) in Changes(path))
            {
                var resource = (string)before["resource"]!;
                if (outcome is null)
                {
                    // Interrupted, or still running in another process as this is read: either way the outcome is not known yet.
                    problems.Add($"run {record.RunId} has no outcome for its change of \"{resource}\" (interrupted, or still running): whether that change was made is not known, so it is not counted");
                    continue;
                }

                if (outcome != "changed")
                {
                    continue;
                }

                var id = undo && resource.StartsWith("undo-", StringComparison.Ordinal) ? resource["undo-".Length..] : resource;
                foreach (var change in JournalSteps.ChangesOf(before))
                {
                    var property = change.Property;
                    var key = (record.Host, runBaseline, id, property);
                    if (!settings.TryGetValue(key, out var builder))
                    {
                        settings[key] = builder = new Builder((string)before["type"]!);
                    }

                    var made = new SettingChange(record.RunId, time, record.Command, ValueText.Format(change.Actual), ValueText.Format(change.Desired));
                    (undo ? builder.Undos : builder.Corrections).Add(made);
                }
            }
        }

        var list = settings
            .Select(s => new SettingHistory(s.Key.Host, s.Key.Baseline, s.Key.Resource, s.Value.Type, s.Key.Property, s.Value.Corrections, s.Value.Undos))
            .OrderByDescending(s => s.FoughtOver)
            .ThenByDescending(s => s.CorrectingRuns)
            .ThenByDescending(s => s.Last?.Time ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Host, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DriftHistory(from, now, since.Text, baseline, runsRead, list, problems);
    }

    /// <summary>An undo run's baseline is "run ID": the baseline of the run it undid, when that journal is still kept.</summary>
    private static string UndoneBaseline(string undoBaseline, Dictionary<string, string> journalOf, Dictionary<string, RunRecord> read)
    {
        const string Prefix = "run ";
        if (!undoBaseline.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return undoBaseline;
        }

        var undoneId = undoBaseline[Prefix.Length..];
        var undone = read.TryGetValue(undoneId, out var known) ? known : journalOf.TryGetValue(undoneId, out var journal) ? RunRecord.Read(journal) : null;
        return undone is { Unreadable: false } ? undone.Baseline : undoBaseline;
    }

    /// <summary>The run's changes with their outcomes (<see cref="JournalSteps"/>); none when the journal went since RunRecord read it.</summary>
    private static List<(JObject Before, string? Outcome)> Changes(string path)
    {
        try
        {
            return JournalSteps.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // RunRecord read it a moment ago; if it went since, there is nothing to count
        }
    }

    private sealed class Builder(string type)
    {
        public string Type => type;

        public List<SettingChange> Corrections { get; } = [];

        public List<SettingChange> Undos { get; } = [];
    }
}
