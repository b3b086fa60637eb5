using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input.Json;

public sealed class JsonStringItem(string value, int line, int column) : JsonItem(line, column)
{
    public override JsonKind Kind => JsonKind.String;

    public string Value { get; } = value;
}

/// <summary>
/// A number as Newtonsoft's reader returns it: a <see cref="long"/>, a <see cref="System.Numerics.BigInteger"/>
/// beyond 64 bits, or a <see cref="decimal"/> for one with a fraction or exponent (decimal keeps "0.1" exact).
/// </summary>
public sealed class JsonNumberItem(object value, int line, int column) : JsonItem(line, column)
{
    public override JsonKind Kind => Value is decimal or double ? JsonKind.Float : JsonKind.Integer;

    public object Value { get; } = value;

    /// <summary>The number as JSON writes it (for messages).</summary>
    public string Text => new JValue(Value).ToString(Formatting.None);
}

public sealed class JsonBooleanItem(bool value, int line, int column) : JsonItem(line, column)
{
    public override JsonKind Kind => JsonKind.Boolean;

    public bool Value { get; } = value;
}

public sealed class JsonNullItem(int line, int column) : JsonItem(line, column)
{
    public override JsonKind Kind => JsonKind.Null;
}
