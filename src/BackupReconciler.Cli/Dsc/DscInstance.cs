using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Dsc;

/// <summary>
/// One instance of the DSC resource BackupReconciler/Baseline: the baseline file, its variables and,
/// for tests and rehearsals, a snapshot file to run against instead of the live host.
/// </summary>
public sealed record DscInstance(string Baseline, string? Snapshot, VariableInputs Variables, IReadOnlyList<string> SecretValues)
{
    /// <summary>The instance JSON is small; anything near this is not an instance.</summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>Members the resource reports itself; DSC may hand them back, so they are accepted and ignored.</summary>
    private static readonly string[] ReportedMembers = ["resources"];

    private static readonly string[] Members = ["baseline", "variables", "snapshot"];

    /// <summary>Reads the instance; <paramref name="origin"/> names where it came from in error messages.</summary>
    public static DscInstance Parse(string text, string origin)
    {
        if (text.Length > MaxChars)
        {
            throw new InputException(SourceLocation.OfFile(origin), $"the instance is {text.Length} characters long; an instance names a baseline, its variables and a snapshot, and stays under {MaxChars}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException(SourceLocation.OfFile(origin), "no instance was given; pass --input '{\"baseline\": \"FILE\"}' or write that JSON to standard input.");
        }

        var reader = JsonObjectReader.ForObject(JsonFileReader.ParseTree(origin, text), origin, "the DSC instance");
        foreach (var property in reader.Json.Members)
        {
            // DSC's own members (_inDesiredState, _restartRequired, ...) and our read-only output may come back in.
            if (property.Name.StartsWith('_') || ReportedMembers.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (!Members.Contains(property.Name, StringComparer.Ordinal))
            {
                throw reader.Error(property, $"\"{property.Name}\" is not a property of BackupReconciler/Baseline{JsonObjectReader.Suggest(property.Name, Members)}; its properties are baseline, variables and snapshot.");
            }
        }

        var baseline = reader.RequiredString("baseline");
        var snapshot = reader.OptionalString("snapshot");
        var recorded = new JObject();
        var secretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var secretValues = new List<string>();
        if (reader.Optional("variables") is { } variables)
        {
            if (variables is not JsonObjectItem members)
            {
                throw reader.Error(variables, $"\"variables\" is {JsonObjectReader.Describe(variables)}; give an object of name: value.");
            }

            foreach (var property in members.Members)
            {
                recorded[property.Name] = Value(reader, property, secretNames, secretValues);
            }
        }

        var inputs = new VariableInputs([], null) { Recorded = recorded, RecordedOrigin = $"the variables of {origin}", SecretNames = secretNames };
        return new DscInstance(baseline, snapshot, inputs, secretValues);
    }

    /// <summary>
    /// A variable's value. DSC passes a <c>secureString</c> parameter as <c>{"secureString": "..."}</c>:
    /// such a value is unwrapped and treated as a secret (masked everywhere, as --var-secret).
    /// </summary>
    private static JToken Value(JsonObjectReader reader, JsonMember property, HashSet<string> secretNames, List<string> secretValues)
    {
        var value = property.Value;
        if (value is JsonObjectItem wrapped)
        {
            if (wrapped.Members.Count == 1 && wrapped["secureString"] is JsonStringItem secret)
            {
                secretNames.Add(property.Name);
                secretValues.Add(secret.Value);
                return secret.Value;
            }

            throw reader.Error(value, $"variable \"{property.Name}\" is an object; only a DSC secureString ({{\"secureString\": \"...\"}}) may be one.");
        }

        return VariableValue.IsVariableKind(value)
            ? value.ToToken()
            : throw reader.Error(value, $"variable \"{property.Name}\" is {JsonObjectReader.Describe(value)}; give a string, a number, true or false, or an array of strings.");
    }
}
