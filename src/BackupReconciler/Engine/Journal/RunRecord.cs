using System.Text;
using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// One run as its journal tells it. A run without an end line was interrupted; a "before" without
/// its "after" names the resource it was changing when it stopped. A journal that does not read as one
/// this build wrote is never taken for a good one: <see cref="Damage"/> says what is wrong, line by line.
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
    /// <summary>The journal format this build writes and reads (the start line's <c>journalVersion</c>; absent means 1).</summary>
    public const int FormatVersion = 1;

    /// <summary>What is wrong with the journal ("line 3 is not valid JSON"); empty for a sound one.</summary>
    public IReadOnlyList<string> Damage { get; init; } = [];

    /// <summary>The damaged lines, by number (1-based).</summary>
    public IReadOnlyList<int> DamagedLines { get; init; } = [];

    /// <summary>Nothing usable could be read: an empty journal, one without a start line, or one of another format version.</summary>
    public bool Unreadable { get; init; }

    /// <summary>The run was stopped (Ctrl+C, SIGTERM) after the resource in progress, and said so in its end line.</summary>
    public bool Stopped { get; init; }

    public bool Damaged => Damage.Count > 0;

    /// <summary>
    /// Reads a journal. A last line cut off without its line break is the line being written when the
    /// process died, and counts as not written; any other line that does not parse is damage.
    /// </summary>
    public static RunRecord Read(string path)
    {
        var runId = JournalFiles.RunIdOf(path);
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text = new StreamReader(stream, new UTF8Encoding(false)).ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Broken(runId, $"the journal cannot be read ({e.Message})");
        }

        if (text.Length == 0)
        {
            return Broken(runId, "the journal is empty (the run died before it wrote its start line)");
        }

        var lines = text.Split('\n');
        var torn = !text.EndsWith('\n');
        var count = torn ? lines.Length : lines.Length - 1;
        JObject? start = null, end = null;
        var open = new List<string>();
        var damage = new List<string>();
        var damagedLines = new List<int>();
        void Damaged(int number, string what)
        {
            damagedLines.Add(number);
            damage.Add($"line {number} {what}");
        }

        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            JObject entry;
            try
            {
                entry = JsonLine.Parse(lines[i]);
            }
            catch (JsonException)
            {
                if (i == 0 && !(torn && count == 1))
                {
                    return Broken(runId, "line 1, the start line, is not valid JSON, so the journal does not say which run, host or baseline it records") with { DamagedLines = [1] };
                }

                if (!(torn && i == count - 1))
                {
                    Damaged(number, "is not valid JSON");
                }

                continue;
            }

            var kind = (string?)(entry["event"] as JValue);
            if (i == 0 && kind != "start")
            {
                return Broken(runId, "line 1 is not the start line, so the journal does not say which run, host or baseline it records") with { DamagedLines = [1] };
            }

            switch (kind)
            {
                case "start" when i == 0:
                    if (entry["journalVersion"] is { } version && version.ToString() != FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        return Broken(runId, $"the journal is of format version {Shorten(version.ToString(Formatting.None))}, written by another build; this build reads version {FormatVersion}");
                    }

                    if (new[] { "runId", "time", "command", "baseline", "host" }.FirstOrDefault(name => entry[name] is not JValue { Type: JTokenType.String }) is { } missing)
                    {
                        return Broken(runId, $"line 1, the start line, has no \"{missing}\"") with { DamagedLines = [1] };
                    }

                    start = entry;
                    break;
                case "before" when entry["resource"] is JValue { Type: JTokenType.String } && entry["type"] is JValue { Type: JTokenType.String }:
                    open.Add((string)entry["resource"]!);
                    break;
                case "after" when entry["resource"] is JValue { Type: JTokenType.String }:
                    open.Remove((string)entry["resource"]!);
                    break;
                case "restart":
                    break;
                case "end" when end is null:
                    end = entry;
                    if (MissingCount(entry["summary"]) is { } lacking)
                    {
                        // Shown as 0, a count the journal does not hold would be a count nobody made.
                        Damaged(number, $"is the end line but its summary has no {lacking}, so the run's counts are not known");
                    }

                    break;
                default:
                    Damaged(number, $"is not a journal entry this build writes (event {Shorten(entry["event"]?.ToString(Formatting.None) ?? "missing")})");
                    break;
            }
        }

        if (start is null)
        {
            return Broken(runId, "the journal holds only a start line cut off while it was written (the run died at once)");
        }

        return new RunRecord(
            (string)start["runId"]!,
            (string)start["time"]!,
            (string)start["command"]!,
            (string)start["baseline"]!,
            (string)start["host"]!,
            end is not null,
            end is null ? open.LastOrDefault() : null,
            end?["summary"] as JObject)
        {
            Damage = damage,
            DamagedLines = damagedLines,
            Stopped = end?["interrupted"] is JValue { Type: JTokenType.Boolean, Value: true },
        };
    }

    /// <summary>The counts every end line's summary holds (the rarer statuses came later and may be absent).</summary>
    private static readonly string[] CountsAlwaysWritten = ["total", "compliant", "drifted", "changed", "manual", "failed", "skipped"];

    /// <summary>What the summary lacks ("count of \"changed\""), or null when it holds every count as a whole number.</summary>
    private static string? MissingCount(JToken? summary)
    {
        if (summary is not JObject counts)
        {
            return "counts";
        }

        return CountsAlwaysWritten.FirstOrDefault(name => counts[name] is not JValue { Type: JTokenType.Integer, Value: long and >= 0 }) is { } missing
            ? $"count of \"{missing}\""
            : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static RunRecord Broken(string runId, string problem) =>
        new(runId, "", "", "", "", false, null, null) { Damage = [problem], Unreadable = true };

    /// <summary>Every run recorded in the state directory, oldest first (run ids sort by time).</summary>
    public static IReadOnlyList<RunRecord> All(string stateDirectory) =>
        JournalFiles.OldestFirst(stateDirectory).Select(Read).ToList();

    /// <summary>
    /// The newest run of <paramref name="host"/>, reading journals newest first and stopping at the first
    /// match: a watch leaves thousands of journals, and every apply asks this.
    /// </summary>
    public static RunRecord? Latest(string stateDirectory, string host) =>
        OfHostNewestFirst(stateDirectory, host).Select(run => run.Record).FirstOrDefault();

    /// <summary>
    /// The runs of <paramref name="host"/> with their journals, newest first, read lazily: the caller stops when it
    /// has what it needs. Other hosts' journals are not opened when their name says whose they are
    /// (<see cref="JournalFiles"/>), and an untagged one is read only to its first line when that names another host.
    /// </summary>
    public static IEnumerable<(string Path, RunRecord Record)> OfHostNewestFirst(string stateDirectory, string host)
    {
        foreach (var path in JournalFiles.NewestFirst(stateDirectory))
        {
            // A tagged name that may be the host's is read at once: its first line would only say the host again.
            if (!JournalFiles.MayBeOf(path, host) || (!JournalFiles.IsTagged(path) && StartLineNamesAnotherHost(path, host)))
            {
                continue;
            }

            var record = Read(path);
            if (record.Host.Equals(host, StringComparison.OrdinalIgnoreCase))
            {
                yield return (path, record);
            }
        }
    }

    /// <summary>The longest first line looked at on its own; a longer one is read with the whole journal.</summary>
    private const int StartLinePeekLimit = 64 * 1024;

    /// <summary>
    /// Whether the journal's first line, read on its own, names a host other than <paramref name="host"/>, so that
    /// <see cref="Read"/> could not return a run of it: Read takes the host from that same line when it reads as a
    /// start line, and the empty host when it does not. When this cannot tell (the empty host asked, a line too
    /// long, unreadable or not JSON) it says false and the whole journal is read, as before.
    /// </summary>
    private static bool StartLineNamesAnotherHost(string path, string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // The same decoding as Read (a byte order mark is honoured), and the line ends only at '\n', as Read splits.
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            var line = new StringBuilder();
            for (var c = reader.Read(); c is not (-1 or '\n'); c = reader.Read())
            {
                if (line.Length == StartLinePeekLimit)
                {
                    return false;
                }

                line.Append((char)c);
            }

            return JsonLine.Parse(line.ToString())["host"] is JValue { Type: JTokenType.String } named
                && !((string)named!).Equals(host, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }
}
