using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>How a difference is written in the JSON report: one place, so every output spells it the same.</summary>
public static class DifferenceJson
{
    public static string ActionName(DifferenceAction action) => action switch
    {
        DifferenceAction.Manual => "manual",
        _ => "change",
    };

    /// <summary>
    /// The words every record of a difference uses (report, saved plan, journal): <c>property</c>,
    /// <c>actual</c>, <c>desired</c> (each value as <see cref="DifferenceValue.ToJson"/> writes it, null when
    /// absent) and <c>action</c>.
    /// </summary>
    public static JObject Core(Difference difference) =>
        Core(difference.Property, difference.Actual?.ToJson(), difference.Desired?.ToJson(), difference.Action);

    /// <summary><see cref="Core(Difference)"/> of a difference whose values are already written (a saved plan read back).</summary>
    public static JObject Core(string property, JToken? actual, JToken? desired, DifferenceAction action) => new()
    {
        ["property"] = property,
        ["actual"] = actual,
        ["desired"] = desired,
        ["action"] = ActionName(action),
    };

    /// <summary>
    /// The report's form: <see cref="Core(Difference)"/>; a manual difference adds its
    /// <c>reason</c>, a change says whether undo can take it back (<c>undoable</c>, and why not), and a
    /// change apply cannot complete says why (<c>unreachable</c>).
    /// </summary>
    public static JObject Of(Difference difference)
    {
        var json = Core(difference);
        if (difference.IsManual)
        {
            json["reason"] = difference.ManualReason;
            return json;
        }

        json["undoable"] = difference.NotUndoable is null;
        if (difference.NotUndoable is { } why)
        {
            json["undoReason"] = why;
        }

        if (difference.Unreachable is { } unreachable)
        {
            json["unreachable"] = unreachable;
        }

        return json;
    }
}
