using BackupReconciler.Resources;
using BackupReconciler.Resources.JsonFile;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// Differences for report and engine tests, written with plain values: a string is a text, a number a
/// number, a list of strings a text list, any other JSON a JSON member's value; null is absent.
/// </summary>
public static class TestDifference
{
    public static Difference Of(string property, object? actual, object? desired) => Difference.Of(property, Value(actual), Value(desired));

    public static Difference Manual(string property, object? actual, object? desired, string reason) => Difference.Manual(property, Value(actual), Value(desired), reason);

    public static DifferenceValue? Value(object? value) => value switch
    {
        null => null,
        DifferenceValue typed => typed,
        string text => DifferenceValue.Text(text),
        bool flag => DifferenceValue.Flag(flag),
        int or long => DifferenceValue.Number(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        JArray list when list.All(t => t.Type == JTokenType.String) => DifferenceValue.TextList(list.Select(t => (string)t!)),
        JToken json => new JsonMemberValue(json),
        _ => throw new ArgumentException($"no difference value for {value.GetType().Name}", nameof(value)),
    };
}
