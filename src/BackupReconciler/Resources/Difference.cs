using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>
/// One property that is not in the desired state: the unit of what-if output and of change.
/// <paramref name="ManualReason"/> set means a person must make this change; the tool never applies it.
/// </summary>
public sealed record Difference(string Property, JToken? Actual, JToken? Desired, string? ManualReason = null)
{
    public bool IsManual => ManualReason is not null;

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
