using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// A journal's changes in the order they were made: each "before" line with the outcome its "after" line
/// gave ("changed", "failed"…), or null when the run stopped before it. Lines that do not parse, or that
/// were damaged into another shape, are left out: <see cref="RunRecord"/> is what names them.
/// Undo reads the "before" lines (each says how to take its change back); history counts the outcomes.
/// </summary>
public static class JournalSteps
{
    /// <summary>The changes a "before" line records, each with its property, actual and desired value as written (null when absent).</summary>
    public static IReadOnlyList<JournalChange> ChangesOf(JObject before) =>
        (before["changes"] as JArray ?? []).OfType<JObject>()
            .Where(c => c["property"] is JValue { Type: JTokenType.String })
            .Select(JournalChange.Read)
            .ToList();

    public static List<(JObject Before, string? Outcome)> Read(string journalPath)
    {
        var steps = new List<(JObject Before, string? Outcome)>();
        foreach (var line in File.ReadLines(journalPath))
        {
            JObject entry;
            try
            {
                entry = JsonLine.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            switch ((string?)(entry["event"] as JValue))
            {
                case "before" when entry["resource"] is JValue { Type: JTokenType.String } && entry["type"] is JValue { Type: JTokenType.String }:
                    steps.Add((entry, null));
                    break;
                case "after" when entry["resource"] is JValue { Type: JTokenType.String } resource:
                    // The newest change of that resource still waiting for its outcome.
                    var index = steps.FindLastIndex(s => s.Outcome is null && (string?)s.Before["resource"] == (string?)resource);
                    if (index >= 0)
                    {
                        steps[index] = (steps[index].Before, (string?)(entry["outcome"] as JValue) ?? "unknown");
                    }

                    break;
            }
        }

        return steps;
    }
}

/// <summary>
/// One change of a "before" line, in the words of the report and the saved plan (<c>property</c>, <c>actual</c>,
/// <c>desired</c>). Journals written before that said <c>previous</c> and <c>intended</c>; state directories keep
/// them for months, so undo and history read both.
/// </summary>
public sealed record JournalChange(string Property, JToken? Actual, JToken? Desired)
{
    public static JournalChange Read(JObject change) =>
        new((string)change["property"]!, Value(change, "actual", "previous"), Value(change, "desired", "intended"));

    private static JToken? Value(JObject change, string name, string formerName) =>
        (change.TryGetValue(name, StringComparison.Ordinal, out var value) ? value : change[formerName]) is { Type: not JTokenType.Null } written ? written : null;
}
