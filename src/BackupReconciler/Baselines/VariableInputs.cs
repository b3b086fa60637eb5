using BackupReconciler.Input;
using BackupReconciler.Input.Json;
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

    /// <summary>Where <see cref="Recorded"/> came from, as error messages name it (a DSC instance records its variables too).</summary>
    public string RecordedOrigin { get; init; } = "the saved plan";

    /// <summary>Names whose values must never be shown.</summary>
    public IReadOnlySet<string> SecretNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Hard limit on a variables file; it holds names and a few addresses, never megabytes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Reads the --vars file: an object whose members are strings or arrays of strings (or numbers and booleans for such parameters).</summary>
    public IReadOnlyDictionary<string, (JToken Value, SourceLocation Location)> ReadFile()
    {
        var problems = new ProblemList();
        var result = ReadFile(problems, new HashSet<string>(StringComparer.OrdinalIgnoreCase), out _);
        return problems.All.FirstOrDefault() is { } first ? throw first.ToException() : result;
    }

    /// <summary>
    /// Reads the --vars file, recording every problem and going on: a variable whose value is refused is
    /// added to <paramref name="refused"/>; <paramref name="complete"/> is false when the file itself could not be read.
    /// </summary>
    internal Dictionary<string, (JToken Value, SourceLocation Location)> ReadFile(ProblemList problems, ISet<string> refused, out bool complete)
    {
        complete = true;
        var result = new Dictionary<string, (JToken, SourceLocation)>(StringComparer.OrdinalIgnoreCase);
        if (Recorded is not null)
        {
            foreach (var property in Recorded.Properties())
            {
                result[property.Name] = (property.Value, SourceLocation.OfFile(RecordedOrigin));
            }
        }

        if (File is null)
        {
            return result;
        }

        var root = problems.Try(() => JsonObjectReader.ForObject(JsonFileReader.ReadTree(File, MaxFileBytes, out _), File, "the variables file"));
        if (root is null)
        {
            complete = false;
            return result;
        }

        foreach (var property in root.Json.Members)
        {
            var value = property.Value;
            if (VariableValue.IsBeyond64Bits(value))
            {
                problems.Error(root.Error(value, $"variable \"{property.Name}\" is {VariableValue.Beyond64Bits}; give a smaller number."));
                refused.Add(property.Name);
            }
            else if (!VariableValue.IsVariableKind(value))
            {
                // Its kind only, never its text: the file's parameters are not read yet, so it may be a secret's value.
                var kind = value.Kind switch
                {
                    JsonKind.Float => "a number that is not whole",
                    JsonKind.Array => "an array holding something other than strings",
                    _ => JsonObjectReader.Describe(value),
                };
                problems.Error(root.Error(value, $"variable \"{property.Name}\" is {kind}; give a string, a whole number, true or false, or an array of strings."));
                refused.Add(property.Name);
            }
            else if (!result.TryAdd(property.Name, (value.ToToken(), JsonObjectReader.Locate(value, File))))
            {
                problems.Error(root.Error(property, $"variable \"{property.Name}\" is given twice (names ignore case); keep one."));
            }
        }

        return result;
    }
}
