using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>
/// One property that is not in the desired state: the unit of what-if output and of change.
/// <paramref name="ManualReason"/> set means a person must make this change; the tool never applies it.
/// <paramref name="Unreachable"/> set means apply will make the change but cannot reach the desired
/// state, for that reason: plan reports it as a predicted failure instead of ordinary drift.
/// <paramref name="NotUndoable"/> set means undo cannot take this change back, for that reason.
/// </summary>
public sealed record Difference(
    string Property,
    JToken? Actual,
    JToken? Desired,
    string? ManualReason = null,
    string? Unreachable = null,
    string? NotUndoable = null)
{
    public bool IsManual => ManualReason is not null;

    /// <summary>What apply does with this difference.</summary>
    public DifferenceAction Action => IsManual ? DifferenceAction.Manual : DifferenceAction.Change;

    public static JToken? Json(object? value) => value switch
    {
        null => null,
        JToken token => token,
        _ => new JValue(value),
    };

    public static Difference Of(string property, object? actual, object? desired) =>
        new(property, Json(actual), Json(desired));

    public static Difference Manual(string property, object? actual, object? desired, string reason) =>
        new(property, Json(actual), Json(desired), reason);
}

/// <summary>What apply does with a difference: makes the change, or leaves it to a person.</summary>
public enum DifferenceAction
{
    Change,
    Manual,
}
