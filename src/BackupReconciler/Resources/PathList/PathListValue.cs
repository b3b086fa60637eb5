using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.PathList;

/// <summary>
/// A path list variable's text (PSModulePath and the like): one string to Windows, written as it is in
/// every output, and shown in the text report as its entries, split on ';'.
/// </summary>
public sealed record PathListValue(string Value) : DifferenceValue
{
    public override JToken ToJson() => new JValue(Value);

    public override JToken Shown => new JArray(EntriesOf(Value).Cast<object>().ToArray());

    /// <summary>The entries of a path list as Windows reads it: split on ';', empty entries skipped.</summary>
    public static IReadOnlyList<string> EntriesOf(string? text) => (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);

    public override DifferenceValue? ReadBack(JToken json) => json is JValue { Type: JTokenType.String } text ? new PathListValue((string)text.Value!) : null;
}
