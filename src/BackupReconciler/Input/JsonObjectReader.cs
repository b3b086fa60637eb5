using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input;

/// <summary>
/// Strict, located access to one JSON object: typed getters whose errors name file, line, column
/// and the fix, and a final check that every member was understood (a typo must not silently
/// mean "not managed").
/// </summary>
public sealed class JsonObjectReader
{
    private readonly HashSet<string> _understood = new(StringComparer.Ordinal);
    private readonly HashSet<string> _misspellings = new(StringComparer.Ordinal);

    public JsonObjectReader(JObject json, string file, string subject)
    {
        Json = json;
        File = file;
        Subject = subject;
    }

    public JObject Json { get; }

    public string File { get; }

    /// <summary>What this object is, for messages: "resource 'x' (registry)".</summary>
    public string Subject { get; }

    public static JsonObjectReader ForObject(JToken token, string file, string subject)
    {
        if (token is not JObject json)
        {
            throw new InputException(Locate(token, file), $"{subject} must be a JSON object {{ ... }}; found {Describe(token)}.");
        }

        return new JsonObjectReader(json, file, subject);
    }

    public static SourceLocation Locate(JToken? token, string file)
    {
        // Tokens made after loading (spliced array variables) carry no position: use their container's.
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t is IJsonLineInfo info && info.HasLineInfo())
            {
                return new SourceLocation(file, info.LineNumber, info.LinePosition);
            }
        }

        return SourceLocation.OfFile(file);
    }

    public static string Describe(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null => "null",
        JTokenType.String => $"the string \"{Shorten(token.Value<string>() ?? "")}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token.ToString(Formatting.None)}",
        JTokenType.Boolean => $"{token.ToString(Formatting.None)}",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    public SourceLocation Location => Locate(Json, File);

    public InputException Error(JToken? at, string problem) => new(Locate(at ?? Json, File), problem);

    public bool Has(string name) => Json.ContainsKey(name);

    public JToken? Optional(string name)
    {
        _understood.Add(name);
        var token = Json[name];
        return token is null || token.Type == JTokenType.Null ? null : token;
    }

    public JToken Required(string name, string expected) =>
        Optional(name) ?? throw new InputException(Location, $"{Subject} has no \"{name}\"; add \"{name}\": {expected}{Misspelling(name)}.");

    /// <summary>
    /// A member that is one typo from a required one that is missing ("nmae" for "name"): named in the
    /// error, since the check that names unknown members never runs once a required one is missing.
    /// </summary>
    private string Misspelling(string name)
    {
        if (Json.Properties().Select(p => p.Name).FirstOrDefault(p => !_understood.Contains(p) && Suggest(p, [name]).Length > 0) is not { } near)
        {
            return "";
        }

        _misspellings.Add(near); // named here: not named again as an unknown member
        return $" (is \"{near}\" a misspelling of it?)";
    }

    public string RequiredString(string name) => AsString(Required(name, "\"...\""), name);

    public string? OptionalString(string name) => Optional(name) is { } t ? AsString(t, name) : null;

    public string AsString(JToken token, string name)
    {
        if (token.Type != JTokenType.String)
        {
            throw Error(token, $"\"{name}\" of {Subject} must be a string; found {Describe(token)}.");
        }

        var value = token.Value<string>()!;
        if (value.Length == 0)
        {
            throw Error(token, $"\"{name}\" of {Subject} is empty; give it a value or remove it.");
        }

        return value;
    }

    public bool? OptionalBool(string name)
    {
        if (Optional(name) is not { } token)
        {
            return null;
        }

        return token.Type == JTokenType.Boolean
            ? token.Value<bool>()
            : throw Error(token, $"\"{name}\" of {Subject} must be true or false; found {Describe(token)}.");
    }

    public long? OptionalInteger(string name, long min, long max)
    {
        if (Optional(name) is not { } token)
        {
            return null;
        }

        return AsInteger(token, name, min, max);
    }

    public long AsInteger(JToken token, string name, long min, long max)
    {
        if (token.Type != JTokenType.Integer || token is not JValue { Value: long value })
        {
            throw Error(token, $"\"{name}\" of {Subject} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; found {Describe(token)}.");
        }

        if (value < min || value > max)
        {
            throw Error(token, $"\"{name}\" of {Subject} is {value.ToString(CultureInfo.InvariantCulture)}, outside the range {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; use a value in that range.");
        }

        return value;
    }

    public T? OptionalEnum<T>(string name, EnumNames<T> names)
        where T : struct, Enum =>
        Optional(name) is { } token ? AsEnum(token, name, names) : null;

    public T RequiredEnum<T>(string name, EnumNames<T> names)
        where T : struct, Enum =>
        AsEnum(Required(name, string.Join(" | ", names.Names.Select(n => $"\"{n}\""))), name, names);

    public T AsEnum<T>(JToken token, string name, EnumNames<T> names)
        where T : struct, Enum
    {
        if (token.Type == JTokenType.String && names.TryParse(token.Value<string>()!, out var value))
        {
            return value;
        }

        throw Error(token, $"\"{name}\" of {Subject} is {Describe(token)}; use one of: {string.Join(", ", names.Names)}.");
    }

    /// <summary>A list of non-empty strings; a single string is accepted as a list of one.</summary>
    public IReadOnlyList<string>? OptionalStringList(string name)
    {
        if (Optional(name) is not { } token)
        {
            return null;
        }

        if (token.Type == JTokenType.String)
        {
            return [AsString(token, name)];
        }

        if (token is not JArray array)
        {
            throw Error(token, $"\"{name}\" of {Subject} must be an array of strings; found {Describe(token)}.");
        }

        return array.Select(item => AsString(item, name)).ToList();
    }

    public JsonObjectReader? OptionalObject(string name, string subject) =>
        Optional(name) is { } token ? ForObject(token, File, subject) : null;

    public JsonObjectReader RequiredObject(string name, string subject) =>
        ForObject(Required(name, "{ ... }"), File, subject);

    /// <summary>
    /// Fails when a member no getter asked for is present: the error names the first, and carries the
    /// others in <see cref="InputException.Others"/>, each with its position and the members understood.
    /// </summary>
    public void RejectUnknownMembers()
    {
        var unknown = new List<InputException>();
        foreach (var property in Json.Properties())
        {
            if (_understood.Contains(property.Name) || _misspellings.Contains(property.Name))
            {
                continue;
            }

            if (property.Name.StartsWith('$'))
            {
                unknown.Add(new InputException(Locate(property, File),
                    $"{Subject} has the member \"{property.Name}\", serializer metadata that this tool never reads or acts on; remove it."));
                continue;
            }

            var hint = Suggest(property.Name, _understood);
            var known = _understood.Count == 0 ? "none" : string.Join(", ", _understood.Order(StringComparer.Ordinal));
            unknown.Add(new InputException(Locate(property, File),
                $"{Subject} has an unknown member \"{property.Name}\"{hint}; the members it understands are: {known}."));
        }

        if (unknown.Count > 0)
        {
            throw new InputException(unknown[0].Location, unknown[0].Problem) { Others = unknown[1..] };
        }
    }

    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (candidate: c, distance: EditDistance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.distance <= Math.Max(1, x.candidate.Length / 3))
            .OrderBy(x => x.distance)
            .FirstOrDefault();
        return best.candidate is null ? "" : $" (did you mean \"{best.candidate}\"?)";
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit: "plna" is one typo away from "plan".</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
