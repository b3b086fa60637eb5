using System.Globalization;
using BackupReconciler.Input.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>The value of a baseline variable: a string, a list of strings, a whole number or a boolean.</summary>
public sealed record VariableValue(JToken Json)
{
    public static VariableValue Of(string text) => new(new JValue(text));

    public static VariableValue Of(IEnumerable<string> items) => new(new JArray(items.Cast<object>().ToArray()));

    public bool IsArray => Json is JArray;

    /// <summary>How the value reads inside a longer string.</summary>
    public string AsText() => Json switch
    {
        JValue { Value: bool b } => b ? "true" : "false",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "",
        _ => Json.ToString(),
    };

    /// <summary>Converts a text given on the command line to the parameter's type, or null when it does not fit.</summary>
    public static VariableValue? FromText(string text, ParameterType type) => type switch
    {
        ParameterType.String => Of(text),
        ParameterType.Array => Of(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        ParameterType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? new VariableValue(new JValue(n)) : null,
        ParameterType.Boolean => bool.TryParse(text, out var b) ? new VariableValue(new JValue(b)) : null,
        _ => null,
    };

    /// <summary>Whether <paramref name="json"/> is a whole number past 64 bits, which no setting of this tool takes.</summary>
    public static bool IsBeyond64Bits(JToken json) => json is JValue { Type: JTokenType.Integer, Value: System.Numerics.BigInteger };

    /// <summary>The same, for a value as a file gives it.</summary>
    public static bool IsBeyond64Bits(JsonItem value) => value is JsonNumberItem { Value: System.Numerics.BigInteger };

    /// <summary>Whether a value given for a variable (in a vars file, a DSC instance) is of a kind variables hold: a string, a whole number, true or false, or an array of strings.</summary>
    public static bool IsVariableKind(JsonItem value) =>
        value is JsonStringItem or JsonNumberItem { Kind: JsonKind.Integer } or JsonBooleanItem
        || (value is JsonArrayItem array && array.All(t => t is JsonStringItem));

    public const string Beyond64Bits = "beyond the range of a 64-bit integer (-9223372036854775808 to 9223372036854775807)";

    /// <summary>Whether a JSON value (a default, or a --vars entry) fits the parameter's type.</summary>
    public static bool Fits(JToken json, ParameterType type) => type switch
    {
        ParameterType.String => json.Type == JTokenType.String,
        ParameterType.Array => json is JArray a && a.All(t => t.Type == JTokenType.String),
        ParameterType.Integer => json is JValue { Type: JTokenType.Integer, Value: long },
        ParameterType.Boolean => json.Type == JTokenType.Boolean,
        _ => false,
    };
}
