using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>
/// Variables given for a run: <c>--var Name=value</c> and <c>--var-secret Name=value</c> (first wins)
/// and a <c>--vars FILE</c> JSON object. Names given with --var-secret are secret: their values are
/// masked in every report, log line and journal.
/// </summary>
public sealed record VariableInputs(IReadOnlyList<KeyValuePair<string, string>> CommandLine, string? File)
{
    public static VariableInputs None { get; } = new([], null);

    /// <summary>Variables recorded in a saved plan; they stand where a --vars file would.</summary>
    public JObject? Recorded { get; init; }

    /// <summary>Names whose values must never be shown.</summary>
    public IReadOnlySet<string> SecretNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Hard limit on a variables file; it holds names and a few addresses, never megabytes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Reads the --vars file: an object whose members are strings or arrays of strings (or numbers and booleans for such parameters).</summary>
    public IReadOnlyDictionary<string, (JToken Value, SourceLocation Location)> ReadFile()
    {
        var result = new Dictionary<string, (JToken, SourceLocation)>(StringComparer.OrdinalIgnoreCase);
        if (Recorded is not null)
        {
            foreach (var property in Recorded.Properties())
            {
                result[property.Name] = (property.Value, SourceLocation.OfFile("the saved plan"));
            }
        }

        if (File is null)
        {
            return result;
        }

        var root = JsonObjectReader.ForObject(JsonFileReader.Read(File, MaxFileBytes), File, "the variables file");
        foreach (var property in root.Json.Properties())
        {
            var value = property.Value;
            var fits = value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Boolean
                || (value is JArray array && array.All(t => t.Type == JTokenType.String));
            if (VariableValue.IsBeyond64Bits(value))
            {
                throw root.Error(value, $"variable \"{property.Name}\" is {VariableValue.Beyond64Bits}; give a smaller number.");
            }

            if (!fits)
            {
                throw root.Error(value, $"variable \"{property.Name}\" is {JsonObjectReader.Describe(value)}; give a string or an array of strings.");
            }

            if (!result.TryAdd(property.Name, (value, JsonObjectReader.Locate(value, File))))
            {
                throw root.Error(property, $"variable \"{property.Name}\" is given twice (names ignore case); keep one.");
            }
        }

        return result;
    }
}
