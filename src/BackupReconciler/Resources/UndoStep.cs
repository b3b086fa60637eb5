using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>
/// How to take back one resource's change: a resource (of any type, given as its baseline
/// properties) that sets the previous values again, or the reason it cannot be done. Recorded in
/// the journal before the change is made, so undo needs nothing but the journal.
/// </summary>
public sealed record UndoStep(string? Type, JObject? Properties, string? Impossible)
{
    public static UndoStep With(string type, JObject properties) => new(type, properties, null);

    public static UndoStep Cannot(string reason) => new(null, null, reason);

    public bool IsPossible => Impossible is null;

    /// <summary>
    /// This step, or the reason it cannot be kept when it would have to write a secret back: the journal
    /// masks secrets, so such an undo could only restore "***". Plan and journal ask the same question here.
    /// </summary>
    public UndoStep KeptWithout(Func<string, string> redact)
    {
        var text = ToJson().ToString(Newtonsoft.Json.Formatting.None);
        return redact(text) == text ? this : Cannot("the previous value holds a secret, which the journal does not keep; set it back by hand");
    }

    public JObject ToJson() => IsPossible
        ? new JObject { ["type"] = Type, ["properties"] = Properties!.DeepClone() }
        : new JObject { ["impossible"] = Impossible };

    public static UndoStep FromJson(JToken? json) => json switch
    {
        JObject { } o when o["impossible"] is { } reason => Cannot((string)reason!),
        JObject { } o when o["type"] is { } type && o["properties"] is JObject properties => With((string)type!, properties),
        _ => Cannot("the journal holds no undo information for this change"),
    };
}
