using System.Text.RegularExpressions;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>
/// Resolves <c>${Name}</c> references. Sources, first wins: --var, --vars file, parameter default, host facts.
/// A string that is exactly <c>${Name}</c> takes the variable's own type (an array splices into an array).
/// </summary>
/// <remarks>
/// Every problem is recorded and binding goes on: a variable whose value is unknown (required without a
/// value, refused, or declared with an error) binds to a stand-in of its type, and every place it lands
/// is remembered, so that the checks which follow do not report the stand-in as a mistake of its own.
/// </remarks>
public sealed partial class VariableBinder
{
    private readonly Dictionary<string, VariableValue> _values;
    private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _fromDefault = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SourceLocation?> _given = new(StringComparer.OrdinalIgnoreCase);
    private readonly BindingRules _rules;
    private readonly ProblemList _problems;

    private VariableBinder(Dictionary<string, VariableValue> values, BindingRules rules, ProblemList problems)
    {
        _values = values;
        _rules = rules;
        _problems = problems;
    }

    public IReadOnlyDictionary<string, VariableValue> Values => _values;

    /// <summary>Whether the variable's value is a stand-in (see the remarks): it must not be used as a real value.</summary>
    public bool IsUnknown(string name) => _unknown.Contains(name);

    /// <summary>Whether any variable's value is a stand-in.</summary>
    public bool HasUnknown => _unknown.Count > 0;

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    /// <summary>Binds for a run: the first problem is thrown.</summary>
    public static VariableBinder Create(
        IReadOnlyDictionary<string, ParameterDefinition> parameters,
        VariableInputs inputs,
        IReadOnlyDictionary<string, string> facts)
    {
        var problems = new ProblemList();
        var binder = Create(parameters, inputs, facts, new BindingRules(), problems);
        return problems.All.FirstOrDefault() is { } first ? throw first.ToException() : binder;
    }

    internal static VariableBinder Create(
        IReadOnlyDictionary<string, ParameterDefinition> parameters,
        VariableInputs inputs,
        IReadOnlyDictionary<string, string> facts,
        BindingRules rules,
        ProblemList problems)
    {
        var binder = new VariableBinder(new Dictionary<string, VariableValue>(StringComparer.OrdinalIgnoreCase), rules, problems);
        var values = binder._values;
        foreach (var name in rules.Broken)
        {
            binder.StandIn(name, parameters.GetValueOrDefault(name)?.Type ?? ParameterType.String);
        }

        var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in inputs.CommandLine)
        {
            binder._given.TryAdd(name, null);
            if (!given.Add(name))
            {
                // "first wins" would run with a value the person may not think was used; names only, a value may be secret.
                problems.Error(new InputException(null, $"--var {name} is given twice (names ignore case); give each variable once."));
                continue;
            }

            if (values.ContainsKey(name))
            {
                continue;
            }

            if (parameters.TryGetValue(name, out var parameter))
            {
                // A secret parameter's value is never echoed, however it was given.
                var shown = parameter.Secret || inputs.SecretNames.Contains(name) ? SecretRedactor.Mask : text;
                if (VariableValue.FromText(text, parameter.Type) is { } value)
                {
                    values[name] = value;
                }
                else
                {
                    problems.Error(new InputException(null, $"--var {name}={shown}: parameter \"{name}\" is of type {parameter.Type.ToString().ToLowerInvariant()}; give a value of that type."));
                    binder.StandIn(name, parameter.Type);
                }
            }
            else
            {
                values[name] = VariableValue.Of(text);
            }
        }

        var refused = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var file = inputs.ReadFile(problems, refused, out var fileComplete);
        foreach (var name in refused.Where(n => !values.ContainsKey(n)))
        {
            binder.StandIn(name, parameters.GetValueOrDefault(name)?.Type ?? ParameterType.String);
        }

        foreach (var (name, (json, location)) in file)
        {
            if (inputs.File is not null && location.File == inputs.File)
            {
                binder._given.TryAdd(name, location);
            }

            if (values.ContainsKey(name))
            {
                continue;
            }

            if (parameters.TryGetValue(name, out var parameter) && !VariableValue.Fits(json, parameter.Type))
            {
                // "7200" for an integer is what a command line gives too: accept the text when it converts.
                if (json.Type == JTokenType.String && VariableValue.FromText((string)json!, parameter.Type) is { } converted)
                {
                    values[name] = converted;
                }
                else
                {
                    problems.Error(new InputException(location, $"variable \"{name}\" is {(parameter.Secret || inputs.SecretNames.Contains(name) ? "a value" : JsonObjectReader.Describe(json))}, but parameter \"{name}\" is of type {parameter.Type.ToString().ToLowerInvariant()}; give a value of that type."));
                    binder.StandIn(name, parameter.Type);
                }

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
                binder._fromDefault.Add(parameter.Name);
            }
            else if (!facts.ContainsKey(parameter.Name))
            {
                binder.StandIn(parameter.Name, parameter.Type);
                if (!fileComplete)
                {
                    continue; // its value may be in the variables file that could not be read: that file's error says enough
                }

                if (rules.MissingValuesAreWarnings)
                {
                    problems.Warning(parameter.Location,
                        $"parameter \"{parameter.Name}\" is required and has no value; its uses were checked without one, and plan, test and apply will need --var {parameter.Name}=... or a --vars file.");
                }
                else
                {
                    problems.Error(new InputException(parameter.Location,
                        $"parameter \"{parameter.Name}\" is required and has no value; pass --var {parameter.Name}=... or put it in a --vars file."));
                }
            }
        }

        foreach (var (name, fact) in facts)
        {
            values.TryAdd(name, VariableValue.Of(fact));
        }

        binder.ResolveNested(parameters);
        return binder;
    }

    /// <summary>
    /// A variable given (--var or the vars file) that no parameter declares, one typo away from a parameter that
    /// took its default: the value meant for it was silently not used, and the run would report against the
    /// default. A variable one typo from a parameter that was given its own value is taken as meant for another
    /// baseline sharing the vars file, and a reference to it in the baseline (an undeclared variable) uses it.
    /// </summary>
    internal void CheckMisspeltInputs(IReadOnlyDictionary<string, ParameterDefinition> parameters, IEnumerable<string> referenced)
    {
        var used = referenced.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, location) in _given)
        {
            if (parameters.ContainsKey(name) || used.Contains(name))
            {
                continue;
            }

            var meant = _fromDefault.Where(p => JsonObjectReader.Suggest(name, [p]).Length > 0).Order(StringComparer.Ordinal).FirstOrDefault();
            if (meant is not null)
            {
                var given = location is null ? $"--var {name}" : $"variable \"{name}\"";
                _problems.Error(new InputException(location,
                    $"{given} is declared by no parameter and used nowhere, and parameter \"{meant}\" took its default: is \"{name}\" a misspelling of \"{meant}\"? correct the name."));
            }
        }
    }

    /// <summary>Gives a variable whose value is unknown a stand-in of its type; a list of one, so that no list reads as empty.</summary>
    private VariableValue StandIn(string name, ParameterType type)
    {
        _unknown.Add(name);
        return _values[name] = type switch
        {
            ParameterType.Array => VariableValue.Of([$"<{name}>"]),
            ParameterType.Integer => new VariableValue(new JValue(0L)),
            ParameterType.Boolean => new VariableValue(new JValue(false)),
            _ => VariableValue.Of($"<{name}>"),
        };
    }

    /// <summary>
    /// Defaults may refer to other variables (a default of <c>${ProgramFiles}\X</c>); resolves them once,
    /// up front, so every use sees the final text; values given from outside are literal. A cycle is an error at the parameter that closes it.
    /// A value that refers to an unknown one is unknown too.
    /// </summary>
    private void ResolveNested(IReadOnlyDictionary<string, ParameterDefinition> parameters)
    {
        var values = _values;
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var resolving = new List<string>();

        VariableValue Resolve(string name)
        {
            var value = values[name];
            // Only a default is a template: a value given from outside (a password, a path) is taken as written,
            // never rewritten because it happens to hold "${...}", nor quoted in part in an error.
            if (done.Contains(name) || !_fromDefault.Contains(name) || !value.Json.ToString(Newtonsoft.Json.Formatting.None).Contains("${", StringComparison.Ordinal))
            {
                return value;
            }

            var location = parameters.TryGetValue(name, out var parameter) ? parameter.Location : null;
            if (resolving.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new InputException(location, $"the variables {string.Join(" → ", resolving.Append(name))} refer to each other in a circle; give one of them a plain value.");
            }

            resolving.Add(name);
            try
            {
                var json = value.Json.DeepClone();
                var holder = new JArray(json);
                foreach (var text in holder.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
                {
                    text.Value = Reference().Replace((string)text.Value!, match =>
                    {
                        var referenced = match.Groups[1].Value;
                        _referenced.Add(referenced);
                        if (!values.ContainsKey(referenced))
                        {
                            if (Undeclared(location, $"the value of ${{{name}}} refers to ${{{referenced}}}, which is not defined", JsonObjectReader.Suggest(referenced, values.Keys), "define it or change the value."))
                            {
                                _unknown.Add(name);
                                return match.Value;
                            }
                        }

                        var inner = Resolve(referenced);
                        if (_unknown.Contains(referenced))
                        {
                            _unknown.Add(name);
                        }

                        return inner.IsArray
                            ? throw new InputException(location, $"the value of ${{{name}}} uses the array ${{{referenced}}} inside a string; use a string variable there.")
                            : inner.AsText();
                    });
                }

                values[name] = new VariableValue(holder[0]);
            }
            catch (InputException e)
            {
                _problems.Error(e);
                StandIn(name, parameter?.Type ?? ParameterType.String);
            }
            finally
            {
                resolving.RemoveAt(resolving.Count - 1);
                done.Add(name);
            }

            return values[name];
        }

        foreach (var name in values.Keys.ToList())
        {
            Resolve(name);
        }
    }

    /// <summary>
    /// Handles a reference to a variable that is not defined: silently when declarations could not all be
    /// read (it may be one of them), a warning in a fragment checked alone (the including baseline may
    /// declare it), else an error. True when the caller goes on with the value as unknown; the error is thrown.
    /// </summary>
    private bool Undeclared(SourceLocation? at, string problem, string suggestion, string fix)
    {
        if (_rules.DeclarationsIncomplete)
        {
            return true;
        }

        if (_rules.UndeclaredAreWarnings)
        {
            _problems.Warning(at, $"{problem} in this file{suggestion}; the baseline that includes it must declare it (a fact such as ComputerName needs nothing).");
            return true;
        }

        throw new InputException(at, $"{problem}{suggestion}; {fix}");
    }

    /// <summary>Replaces every reference inside <paramref name="token"/> in place; where an unknown value lands is added to <paramref name="standIns"/>.</summary>
    internal void Bind(JToken token, string file, ISet<SourceLocation> standIns)
    {
        switch (token)
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JValue { Type: JTokenType.String } item && Whole(item, file, standIns) is { IsArray: true } spliced)
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
                        Bind(array[i], file, standIns);
                    }
                }

                break;
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    Bind(property.Value, file, standIns);
                }

                break;
            case JValue { Type: JTokenType.String } value:
                if (Whole(value, file, standIns) is { } whole)
                {
                    // Keep the token (and so its line and column for later messages) where the value is a scalar.
                    if (whole.Json is JValue scalar)
                    {
                        value.Value = scalar.Value;
                    }
                    else
                    {
                        var list = new JArray(whole.Json.Select(t => new JValue(((JValue)t).Value)));
                        var unknown = standIns.Contains(JsonObjectReader.Locate(value, file));
                        value.Replace(list);
                        if (unknown)
                        {
                            standIns.Add(JsonObjectReader.Locate(list, file));
                        }
                    }
                }
                else
                {
                    value.Value = Interpolate(value, file, standIns);
                }

                break;
        }
    }

    private VariableValue? Whole(JValue value, string file, ISet<SourceLocation> standIns)
    {
        var text = (string)value.Value!;
        var match = Reference().Match(text);
        if (!match.Success || match.Length != text.Length)
        {
            return null;
        }

        var variable = Lookup(match.Groups[1].Value, value, file, standIns);
        if (variable.IsArray && standIns.Contains(JsonObjectReader.Locate(value, file)) && value.Parent is JArray container)
        {
            standIns.Add(JsonObjectReader.Locate(container, file)); // spliced items have no position of their own: they are reported at the list
        }

        return variable;
    }

    private string Interpolate(JValue value, string file, ISet<SourceLocation> standIns) =>
        Reference().Replace((string)value.Value!, match =>
        {
            var variable = Lookup(match.Groups[1].Value, value, file, standIns);
            if (variable.IsArray)
            {
                _problems.Error(new InputException(JsonObjectReader.Locate(value, file),
                    $"${{{match.Groups[1].Value}}} is an array and cannot stand inside a longer string; use \"${{{match.Groups[1].Value}}}\" alone as an array element."));
                standIns.Add(JsonObjectReader.Locate(value, file));
                return match.Value;
            }

            return variable.AsText();
        });

    /// <summary>Every variable a value or a baseline referred to.</summary>
    internal IReadOnlySet<string> Referenced => _referenced;

    private readonly HashSet<string> _referenced = new(StringComparer.OrdinalIgnoreCase);

    private VariableValue Lookup(string name, JToken at, string file, ISet<SourceLocation> standIns)
    {
        _referenced.Add(name);
        if (_values.TryGetValue(name, out var value))
        {
            if (_unknown.Contains(name))
            {
                standIns.Add(JsonObjectReader.Locate(at, file));
            }

            return value;
        }

        standIns.Add(JsonObjectReader.Locate(at, file));
        try
        {
            Undeclared(JsonObjectReader.Locate(at, file), $"the variable ${{{name}}} is not defined", JsonObjectReader.Suggest(name, _values.Keys),
                $"pass --var {name}=..., put it in a --vars file, or declare it as a parameter with a default.");
        }
        catch (InputException e)
        {
            _problems.Error(e);
        }

        return VariableValue.Of($"<{name}>");
    }
}

/// <summary>How strictly <see cref="VariableBinder"/> treats what it cannot know.</summary>
internal sealed record BindingRules
{
    /// <summary><c>validate</c>: a required parameter without a value is a warning, not an error (it needs no vars).</summary>
    public bool MissingValuesAreWarnings { get; init; }

    /// <summary>A fragment checked alone: a variable it does not declare may be declared by the baseline that includes it.</summary>
    public bool UndeclaredAreWarnings { get; init; }

    /// <summary>Some declarations could not be read (a section or an include with an error): an undefined variable may be one of them, so it is not reported.</summary>
    public bool DeclarationsIncomplete { get; init; }

    /// <summary>Parameters whose declaration has an error: their uses are not checked against a value.</summary>
    public IReadOnlySet<string> Broken { get; init; } = new HashSet<string>();
}
