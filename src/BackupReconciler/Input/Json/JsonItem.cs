using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input.Json;

/// <summary>What a JSON value is; the names are Newtonsoft's <c>JTokenType</c> names for the same kinds.</summary>
public enum JsonKind
{
    Object,
    Array,
    String,
    Integer,
    Float,
    Boolean,
    Null,
}

/// <summary>A place in an input file: line and column as Newtonsoft's reader counts them (1-based; 0 when unknown).</summary>
public interface IJsonPosition
{
    int Line { get; }

    int Column { get; }
}

/// <summary>
/// A value of an input file as read (<see cref="JsonTreeBuilder"/>): the compact tree the snapshot, whose
/// sections hold tens of thousands of values, is read from. Newtonsoft's JToken tree with line information
/// costs ten times the memory (a dictionary per object, an annotation per token), and reading a DPM server's
/// snapshot spent most of its time allocating it. Each item keeps only its kind, value and position.
/// </summary>
public abstract class JsonItem(int line, int column) : IJsonPosition
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public abstract JsonKind Kind { get; }

    /// <summary>As JToken.ToString() gives it: a string or number as its text, anything else as indented JSON.</summary>
    public override string ToString() => this switch
    {
        JsonStringItem text => text.Value,
        JsonNumberItem number => number.Text,
        _ => ToToken().ToString(),
    };

    /// <summary>The item as compact JSON text (for messages that quote what the file holds).</summary>
    public string ToJsonText() => ToToken().ToString(Formatting.None);

    /// <summary>As Newtonsoft's tree, each token with this item's position (for code that still reads JTokens).</summary>
    public JToken ToToken()
    {
        using var reader = new JsonItemReader(this);
        return JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
    }

    /// <summary>
    /// The item for a Newtonsoft token (a recorded value, a baseline after its variables were bound): each
    /// token's position where it has one, otherwise its nearest container's (a spliced variable's entries).
    /// </summary>
    public static JsonItem FromToken(JToken token)
    {
        IJsonPosition? container = null;
        for (var t = token.Parent; t is not null && container is null; t = t.Parent)
        {
            container = t is IJsonLineInfo info && info.HasLineInfo() ? new Position(info.LineNumber, info.LinePosition) : null;
        }

        return FromToken(token, container);
    }

    private static JsonItem FromToken(JToken token, IJsonPosition? inherited)
    {
        var (line, column) = token is IJsonLineInfo info && info.HasLineInfo()
            ? (info.LineNumber, info.LinePosition)
            : (inherited?.Line ?? 0, inherited?.Column ?? 0);
        switch (token)
        {
            case JObject json:
                var item = new JsonObjectItem(line, column);
                var here = new Position(line, column);
                foreach (var property in json.Properties())
                {
                    var at = property is IJsonLineInfo p && p.HasLineInfo() ? new Position(p.LineNumber, p.LinePosition) : here;
                    item.Add(new JsonMember(property.Name, FromToken(property.Value, at), at.Line, at.Column));
                }

                return item;
            case JArray array:
                var list = new JsonArrayItem(line, column);
                var position = new Position(line, column);
                foreach (var entry in array)
                {
                    list.Add(FromToken(entry, position));
                }

                return list;
            case JValue value:
                return value.Type switch
                {
                    JTokenType.Integer => new JsonNumberItem(value.Value is System.Numerics.BigInteger big ? (object)big : Convert.ToInt64(value.Value, CultureInfo.InvariantCulture), line, column),
                    JTokenType.Float => new JsonNumberItem(value.Value!, line, column),
                    JTokenType.Boolean => new JsonBooleanItem((bool)value.Value!, line, column),
                    JTokenType.Null or JTokenType.Undefined => new JsonNullItem(line, column),
                    JTokenType.String => new JsonStringItem((string)value.Value!, line, column),
                    _ => new JsonStringItem(value.ToString(CultureInfo.InvariantCulture), line, column),
                };
            default:
                throw new ArgumentException($"a {token.Type} token has no JSON item", nameof(token));
        }
    }

    private sealed record Position(int Line, int Column) : IJsonPosition;
}
