using System.Globalization;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>
/// A typed actual or desired value of a difference: each resource type says what its values are
/// (a registry value with its kind, a size limit, a firewall setting…), and most reuse the generic
/// kinds here. Values compare by value. <see cref="ToJson"/> is the one rendering of a value, which
/// the JSON report, the saved plan, the journal and the text report all take; absent is no value (null).
/// </summary>
public abstract record DifferenceValue
{
    /// <summary>The value as every output writes it.</summary>
    public abstract JToken ToJson();

    /// <summary>
    /// Reads back JSON that <see cref="ToJson"/> of this kind wrote (a saved plan, a journal): the kind is
    /// this value's, never taken from the JSON's shape. Null when the JSON is no rendering of this kind
    /// (a masked secret, a value of another kind), which then never equals this value.
    /// </summary>
    public abstract DifferenceValue? ReadBack(JToken json);

    /// <summary>The value as its JSON reads, compact: what a message or a failed test shows.</summary>
    public sealed override string ToString() => ToJson().ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The parts that could hold a secret (its strings and numbers): told to the redactor when a secret is in play.</summary>
    public virtual IEnumerable<string> SecretParts => LeavesOf(ToJson());

    /// <summary>Whether <paramref name="recorded"/> (a value as a saved plan wrote it) is this value, written the same way.</summary>
    public bool IsRecordedAs(JToken? recorded) => recorded is not null && recorded.Type != JTokenType.Null && Equals(ReadBack(recorded));

    /// <summary>
    /// Whether <paramref name="other"/> is the same value, however each is written: the undo guard asks
    /// whether the host still holds what a run set. By default the same as <see cref="object.Equals(object?)"/>.
    /// </summary>
    public virtual bool IsSameValue(DifferenceValue? other) => Equals(other);

    public static DifferenceValue Text(string text) => new TextValue(text);

    /// <summary>A text that may not be there: null (absent) for null.</summary>
    public static DifferenceValue? TextOrAbsent(string? text) => text is null ? null : new TextValue(text);

    public static DifferenceValue Number(long number) => new NumberValue(number);

    public static DifferenceValue Flag(bool flag) => new FlagValue(flag);

    public static DifferenceValue TextList(IEnumerable<string> items) => new TextListValue([.. items]);

    /// <summary>The strings and numbers in a JSON value: a registry value's data, each entry of a list.</summary>
    public static IEnumerable<string> LeavesOf(JToken value) =>
        (value is JContainer container ? container.DescendantsAndSelf() : [value])
            .OfType<JValue>()
            .Where(v => v.Type is JTokenType.String or JTokenType.Integer)
            .Select(v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "");
}

/// <summary>A text: a name, an account, a state, a sentence of what a manual check found.</summary>
public sealed record TextValue(string Value) : DifferenceValue
{
    public override JToken ToJson() => new JValue(Value);

    public override DifferenceValue? ReadBack(JToken json) => json is JValue { Type: JTokenType.String } s ? new TextValue((string)s.Value!) : null;
}

/// <summary>A whole number: a count, a size in bytes.</summary>
public sealed record NumberValue(long Value) : DifferenceValue
{
    public override JToken ToJson() => new JValue(Value);

    public override DifferenceValue? ReadBack(JToken json) => json is JValue { Type: JTokenType.Integer } n && n.Value is long or int ? new NumberValue(Convert.ToInt64(n.Value, CultureInfo.InvariantCulture)) : null;
}

/// <summary>A yes or no: enabled, installed.</summary>
public sealed record FlagValue(bool Value) : DifferenceValue
{
    public override JToken ToJson() => new JValue(Value);

    public override DifferenceValue? ReadBack(JToken json) => json is JValue { Type: JTokenType.Boolean } b ? new FlagValue((bool)b.Value!) : null;
}

/// <summary>A list of texts in its order (exclusions, server roles): equal when the same items stand in the same order.</summary>
public sealed record TextListValue(IReadOnlyList<string> Items) : DifferenceValue
{
    public override JToken ToJson() => new JArray(Items.Cast<object>().ToArray());

    public override DifferenceValue? ReadBack(JToken json) =>
        json is JArray array && array.All(t => t.Type == JTokenType.String) ? new TextListValue([.. array.Select(t => (string)t!)]) : null;

    public bool Equals(TextListValue? other) => other is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal);

    public override int GetHashCode() => Items.Aggregate(Items.Count, (hash, item) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(item)));
}
