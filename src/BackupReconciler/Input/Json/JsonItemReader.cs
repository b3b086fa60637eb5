using Newtonsoft.Json;

namespace BackupReconciler.Input.Json;

/// <summary>
/// Newtonsoft's reader over a <see cref="JsonItem"/> tree, giving each token its item's position, so that
/// JToken.ReadFrom builds the tree code still written against JTokens reads, positions included.
/// </summary>
internal sealed class JsonItemReader : JsonReader, IJsonLineInfo
{
    private readonly List<(JsonToken Token, object? Value, int Line, int Column)> _tokens = [];
    private int _next;
    private int _line;
    private int _column;

    public JsonItemReader(JsonItem root)
    {
        Flatten(root);
    }

    public int LineNumber => _line;

    public int LinePosition => _column;

    public bool HasLineInfo() => _line > 0;

    public override bool Read()
    {
        if (_next == _tokens.Count)
        {
            return false;
        }

        var (token, value, line, column) = _tokens[_next++];
        (_line, _column) = (line, column);
        SetToken(token, value);
        return true;
    }

    private void Flatten(JsonItem item)
    {
        switch (item)
        {
            case JsonObjectItem json:
                _tokens.Add((JsonToken.StartObject, null, item.Line, item.Column));
                foreach (var member in json.Members)
                {
                    _tokens.Add((JsonToken.PropertyName, member.Name, member.Line, member.Column));
                    Flatten(member.Value);
                }

                _tokens.Add((JsonToken.EndObject, null, item.Line, item.Column));
                break;
            case JsonArrayItem array:
                _tokens.Add((JsonToken.StartArray, null, item.Line, item.Column));
                foreach (var entry in array)
                {
                    Flatten(entry);
                }

                _tokens.Add((JsonToken.EndArray, null, item.Line, item.Column));
                break;
            case JsonStringItem text:
                _tokens.Add((JsonToken.String, text.Value, item.Line, item.Column));
                break;
            case JsonNumberItem number:
                _tokens.Add((number.Kind == JsonKind.Float ? JsonToken.Float : JsonToken.Integer, number.Value, item.Line, item.Column));
                break;
            case JsonBooleanItem flag:
                _tokens.Add((JsonToken.Boolean, flag.Value, item.Line, item.Column));
                break;
            default:
                _tokens.Add((JsonToken.Null, null, item.Line, item.Column));
                break;
        }
    }
}
