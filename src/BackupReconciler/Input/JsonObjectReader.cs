using System.Globalization;
using BackupReconciler.Input.Json;
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
    private readonly NameSet _understood;
    private HashSet<string>? _misspellings;

    // The subject as given, or the format and names it is made of when a message first needs it.
    private string? _subject;
    private readonly string? _subjectFormat;
    private readonly string? _subjectName;
    private readonly string? _subjectOwner;

    public JsonObjectReader(JsonObjectItem json, string file, string subject)
        : this(json, file)
    {
        _subject = subject;
    }

    private JsonObjectReader(JsonObjectItem json, string file, string subjectFormat, string name, string? owner)
        : this(json, file)
    {
        _subjectFormat = subjectFormat;
        _subjectName = name;
        _subjectOwner = owner;
    }

    private JsonObjectReader(JsonObjectItem json, string file)
    {
        // One array for the names asked, not three as it grows: a snapshot of a DPM server has thousands of objects.
        _understood = new NameSet(json.Members.Count + 4);
        Json = json;
        File = file;
    }

    public JsonObjectItem Json { get; }

    public string File { get; }

    /// <summary>What this object is, for messages: "resource 'x' (registry)".</summary>
    public string Subject => _subject ??= string.Format(CultureInfo.InvariantCulture, _subjectFormat!, _subjectName, _subjectOwner);

    public static JsonObjectReader ForObject(JsonItem item, string file, string subject) =>
        item is JsonObjectItem json ? new JsonObjectReader(json, file, subject) : throw NotAnObject(item, file, subject);

    /// <summary>
    /// A reader whose subject is made only when a message needs it: <paramref name="subjectFormat"/> with
    /// <paramref name="name"/> as {0} and <paramref name="owner"/> as {1} ("value \"{0}\" of key \"{1}\"").
    /// A snapshot of a DPM server has thousands of objects and, nearly always, no message to write about any.
    /// </summary>
    public static JsonObjectReader ForObject(JsonItem item, string file, string subjectFormat, string name, string? owner = null) =>
        item is JsonObjectItem json
            ? new JsonObjectReader(json, file, subjectFormat, name, owner)
            : throw NotAnObject(item, file, string.Format(CultureInfo.InvariantCulture, subjectFormat, name, owner));

    private static InputException NotAnObject(JsonItem item, string file, string subject) =>
        new(Locate(item, file), $"{subject} must be a JSON object {{ ... }}; found {Describe(item)}.");

    /// <summary>For a JToken that code built or changed (a saved plan's recorded value, a baseline after its variables were bound).</summary>
    public static JsonObjectReader ForObject(JToken token, string file, string subject) =>
        ForObject(JsonItem.FromToken(token), file, subject);

    public static SourceLocation Locate(IJsonPosition? at, string file) =>
        at is { Line: > 0 } ? new SourceLocation(file, at.Line, at.Column) : SourceLocation.OfFile(file);

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

    public static string Describe(JsonItem? item) => item switch
    {
        null or JsonNullItem => "null",
        JsonStringItem text => $"the string \"{Shorten(text.Value)}\"",
        JsonNumberItem number => $"the number {number.Text}",
        JsonBooleanItem flag => flag.Value ? "true" : "false",
        JsonArrayItem => "an array",
        _ => "an object",
    };

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

    public InputException Error(IJsonPosition? at, string problem) => new(Locate(at ?? Json, File), problem);

    public bool Has(string name) => Json.Contains(name);

    public JsonItem? Optional(string name)
    {
        _understood.Add(name);
        var item = Json[name];
        return item is null or JsonNullItem ? null : item;
    }

    public JsonItem Required(string name, string expected) =>
        Optional(name) ?? throw new InputException(Location, $"{Subject} has no \"{name}\"; add \"{name}\": {expected}{Misspelling(name)}.");

    /// <summary>
    /// A member that is one typo from a required one that is missing ("nmae" for "name"): named in the
    /// error, since the check that names unknown members never runs once a required one is missing.
    /// </summary>
    private string Misspelling(string name)
    {
        if (Json.Members.Select(m => m.Name).FirstOrDefault(m => !_understood.Contains(m) && Suggest(m, [name]).Length > 0) is not { } near)
        {
            return "";
        }

        (_misspellings ??= new(StringComparer.Ordinal)).Add(near); // named here: not named again as an unknown member
        return $" (is \"{near}\" a misspelling of it?)";
    }

    public string RequiredString(string name) => AsString(Required(name, "\"...\""), name);

    public string? OptionalString(string name) => Optional(name) is { } t ? AsString(t, name) : null;

    public string AsString(JsonItem item, string name)
    {
        if (item is not JsonStringItem { Value: var value })
        {
            throw Error(item, $"\"{name}\" of {Subject} must be a string; found {Describe(item)}.");
        }

        if (value.Length == 0)
        {
            throw Error(item, $"\"{name}\" of {Subject} is empty; give it a value or remove it.");
        }

        return value;
    }

    public bool? OptionalBool(string name)
    {
        if (Optional(name) is not { } token)
        {
            return null;
        }

        return token is JsonBooleanItem flag
            ? flag.Value
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

    public long AsInteger(JsonItem token, string name, long min, long max)
    {
        if (token is not JsonNumberItem { Value: long value })
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

    public T AsEnum<T>(JsonItem token, string name, EnumNames<T> names)
        where T : struct, Enum
    {
        if (token is JsonStringItem text && names.TryParse(text.Value, out var value))
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

        if (token is JsonStringItem)
        {
            return [AsString(token, name)];
        }

        if (token is not JsonArrayItem array)
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
        foreach (var property in Json.Members)
        {
            if (_understood.Contains(property.Name) || _misspellings?.Contains(property.Name) == true)
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
