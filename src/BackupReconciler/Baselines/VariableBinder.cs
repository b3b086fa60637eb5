using System.Text.RegularExpressions;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>
/// Resolves <c>${Name}</c> references. Sources, first wins: --var, --vars file, parameter default, host facts.
/// A string that is exactly <c>${Name}</c> takes the variable's own type (an array splices into an array).
/// </summary>
public sealed partial class VariableBinder
{
    private readonly IReadOnlyDictionary<string, VariableValue> _values;

    private VariableBinder(IReadOnlyDictionary<string, VariableValue> values)
    {
        _values = values;
    }

    public IReadOnlyDictionary<string, VariableValue> Values => _values;

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    public static VariableBinder Create(
        IReadOnlyDictionary<string, ParameterDefinition> parameters,
        VariableInputs inputs,
        IReadOnlyDictionary<string, string> facts)
    {
        var values = new Dictionary<string, VariableValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in inputs.CommandLine)
        {
            if (values.ContainsKey(name))
            {
                continue;
            }

            if (parameters.TryGetValue(name, out var parameter))
            {
                // A secret parameter's value is never echoed, however it was given.
                var shown = parameter.Secret || inputs.SecretNames.Contains(name) ? SecretRedactor.Mask : text;
                values[name] = VariableValue.FromText(text, parameter.Type)
                    ?? throw new InputException(null, $"--var {name}={shown}: parameter \"{name}\" is of type {parameter.Type.ToString().ToLowerInvariant()}; give a value of that type.");
            }
            else
            {
                values[name] = VariableValue.Of(text);
            }
        }

        foreach (var (name, (json, location)) in inputs.ReadFile())
        {
            if (values.ContainsKey(name))
            {
                continue;
            }

            if (parameters.TryGetValue(name, out var parameter) && !VariableValue.Fits(json, parameter.Type))
            {
                // "7200" for an integer is what a command line gives too: accept the text when it converts.
                values[name] = json.Type == JTokenType.String && VariableValue.FromText((string)json!, parameter.Type) is { } converted
                    ? converted
                    : throw new InputException(location, $"variable \"{name}\" is {(parameter.Secret || inputs.SecretNames.Contains(name) ? "a value" : JsonObjectReader.Describe(json))}, but parameter \"{name}\" is of type {parameter.Type.ToString().ToLowerInvariant()}; give a value of that type.");
                continue;
            }

            values[name] = new VariableValue(json.DeepClone());
        }

        foreach (var parameter in parameters.Values)
        {
            if (values.ContainsKey(parameter.Name))
            {
                continue;
            }

            if (parameter.Default is { } fallback)
            {
                values[parameter.Name] = fallback;
            }
            else if (!facts.ContainsKey(parameter.Name))
            {
                throw new InputException(parameter.Location,
                    $"parameter \"{parameter.Name}\" is required and has no value; pass --var {parameter.Name}=... or put it in a --vars file.");
            }
        }

        foreach (var (name, fact) in facts)
        {
            values.TryAdd(name, VariableValue.Of(fact));
        }

        var binder = new VariableBinder(values);
        binder.ResolveNested(parameters);
        return binder;
    }

    /// <summary>
    /// Values may refer to other variables (a default of <c>${ProgramFiles}\X</c>); resolves them once,
    /// up front, so every use sees the final text. A cycle is an error at the parameter that closes it.
    /// </summary>
    private void ResolveNested(IReadOnlyDictionary<string, ParameterDefinition> parameters)
    {
        var values = (Dictionary<string, VariableValue>)_values;
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var resolving = new List<string>();

        VariableValue Resolve(string name)
        {
            var value = values[name];
            if (done.Contains(name) || !value.Json.ToString(Newtonsoft.Json.Formatting.None).Contains("${", StringComparison.Ordinal))
            {
                return value;
            }

            var location = parameters.TryGetValue(name, out var parameter) ? parameter.Location : null;
            if (resolving.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new InputException(location, $"the variables {string.Join(" → ", resolving.Append(name))} refer to each other in a circle; give one of them a plain value.");
            }

            resolving.Add(name);
            var json = value.Json.DeepClone();
            var holder = new JArray(json);
            foreach (var text in holder.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                text.Value = Reference().Replace((string)text.Value!, match =>
                {
                    var referenced = match.Groups[1].Value;
                    if (!values.ContainsKey(referenced))
                    {
                        throw new InputException(location,
                            $"the value of ${{{name}}} refers to ${{{referenced}}}, which is not defined{JsonObjectReader.Suggest(referenced, values.Keys)}; define it or change the value.");
                    }

                    var inner = Resolve(referenced);
                    return inner.IsArray
                        ? throw new InputException(location, $"the value of ${{{name}}} uses the array ${{{referenced}}} inside a string; use a string variable there.")
                        : inner.AsText();
                });
            }

            resolving.RemoveAt(resolving.Count - 1);
            done.Add(name);
            return values[name] = new VariableValue(holder[0]);
        }

        foreach (var name in values.Keys.ToList())
        {
            Resolve(name);
        }
    }

    /// <summary>Replaces every reference inside <paramref name="token"/> in place.</summary>
    public void Bind(JToken token, string file)
    {
        switch (token)
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JValue { Type: JTokenType.String } item && Whole(item, file) is { IsArray: true } spliced)
                    {
                        var items = ((JArray)spliced.Json).ToList();
                        item.Remove();
                        for (var j = 0; j < items.Count; j++)
                        {
                            array.Insert(i + j, new JValue(((JValue)items[j]).Value));
                        }

                        i += items.Count - 1;
                    }
                    else
                    {
                        Bind(array[i], file);
                    }
                }

                break;
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    Bind(property.Value, file);
                }

                break;
            case JValue { Type: JTokenType.String } value:
                if (Whole(value, file) is { } whole)
                {
                    // Keep the token (and so its line and column for later messages) where the value is a scalar.
                    if (whole.Json is JValue scalar)
                    {
                        value.Value = scalar.Value;
                    }
                    else
                    {
                        value.Replace(new JArray(whole.Json.Select(t => new JValue(((JValue)t).Value))));
                    }
                }
                else
                {
                    value.Value = Interpolate(value, file);
                }

                break;
        }
    }

    private VariableValue? Whole(JValue value, string file)
    {
        var text = (string)value.Value!;
        var match = Reference().Match(text);
        return match.Success && match.Length == text.Length ? Lookup(match.Groups[1].Value, value, file) : null;
    }

    private string Interpolate(JValue value, string file) =>
        Reference().Replace((string)value.Value!, match =>
        {
            var variable = Lookup(match.Groups[1].Value, value, file);
            if (variable.IsArray)
            {
                throw new InputException(JsonObjectReader.Locate(value, file),
                    $"${{{match.Groups[1].Value}}} is an array and cannot stand inside a longer string; use \"${{{match.Groups[1].Value}}}\" alone as an array element.");
            }

            return variable.AsText();
        });

    private VariableValue Lookup(string name, JToken at, string file) =>
        _values.TryGetValue(name, out var value)
            ? value
            : throw new InputException(JsonObjectReader.Locate(at, file),
                $"the variable ${{{name}}} is not defined{JsonObjectReader.Suggest(name, _values.Keys)}; pass --var {name}=..., put it in a --vars file, or declare it as a parameter with a default.");
}
