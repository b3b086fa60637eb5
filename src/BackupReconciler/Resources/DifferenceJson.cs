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
    /// <c>property</c>, <c>actual</c>, <c>desired</c> and <c>action</c>; a manual difference adds its
    /// <c>reason</c>, a change says whether undo can take it back (<c>undoable</c>, and why not), and a
    /// change apply cannot complete says why (<c>unreachable</c>).
    /// </summary>
    public static JObject Of(Difference difference)
    {
        var json = new JObject
        {
            ["property"] = difference.Property,
            ["actual"] = difference.Actual?.DeepClone(),
            ["desired"] = difference.Desired?.DeepClone(),
            ["action"] = ActionName(difference.Action),
        };
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
