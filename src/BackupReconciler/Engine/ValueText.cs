using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine;

/// <summary>How a JSON value reads in text reports and messages: compact JSON, <c>(absent)</c> for null.</summary>
public static class ValueText
{
    /// <summary>A typed value as its one JSON rendering reads.</summary>
    public static string Format(DifferenceValue? value) => Format(value?.ToJson());

    public static string Format(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => "(absent)",
        JValue { Type: JTokenType.String } s => (string)s.Value!,
        _ => value.ToString(Formatting.None),
    };
}
