namespace BackupReconciler.Resources;

/// <summary>
/// One property that is not in the desired state: the unit of what-if output and of change.
/// <paramref name="Actual"/> and <paramref name="Desired"/> are typed values; null is absent (no such value, rule, line).
/// <paramref name="ManualReason"/> set means a person must make this change; the tool never applies it.
/// <paramref name="Unreachable"/> set means apply will make the change but cannot reach the desired
/// state, for that reason: plan reports it as a predicted failure instead of ordinary drift.
/// <paramref name="NotUndoable"/> set means undo cannot take this change back, for that reason.
/// </summary>
public sealed record Difference(
    string Property,
    DifferenceValue? Actual,
    DifferenceValue? Desired,
    string? ManualReason = null,
    string? Unreachable = null,
    string? NotUndoable = null)
{
    public bool IsManual => ManualReason is not null;

    /// <summary>What apply does with this difference.</summary>
    public DifferenceAction Action => IsManual ? DifferenceAction.Manual : DifferenceAction.Change;

    public static Difference Of(string property, DifferenceValue? actual, DifferenceValue? desired) => new(property, actual, desired);

    public static Difference Manual(string property, DifferenceValue? actual, DifferenceValue? desired, string reason) =>
        new(property, actual, desired, reason);
}

/// <summary>What apply does with a difference: makes the change, or leaves it to a person.</summary>
public enum DifferenceAction
{
    Change,
    Manual,
}
