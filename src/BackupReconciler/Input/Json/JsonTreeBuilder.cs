using System.Globalization;
using Newtonsoft.Json;

namespace BackupReconciler.Input.Json;

/// <summary>
/// Builds the <see cref="JsonItem"/> tree of a JSON text from Newtonsoft's tokenizer (its syntax errors,
/// positions and leniency are the product's), with the limits that keep hostile input from crashing the
/// process and no member twice in one object; for the files this tool is given (baselines, snapshots,
/// vars, plans), also no control characters in names or strings and no serializer metadata at any depth.
/// </summary>
internal sealed class JsonTreeBuilder
{
    /// <summary>The member names Newtonsoft.Json and System.Text.Json act on when told to: type names, references.</summary>
    private static readonly string[] SerializerMetadata = ["$type", "$id", "$ref", "$values"];

    /// <summary>Control characters (tab, line feed and carriage return aside) and the bidirectional overrides and isolates.</summary>
    internal static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
         .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         .. Enumerable.Range(0x202A, 5).Select(c => (char)c),
         .. Enumerable.Range(0x2066, 4).Select(c => (char)c)]);

    private readonly JsonTextReader _reader;
    private readonly string _path;

    /// <summary>Whether names and strings are held to the input-file rules (not for a host's own JSON files).</summary>
    private readonly bool _strict;
    private int _tokens;

    /// <summary>
    /// The first name or string the file may not hold, in file order; raised only once the whole file has
    /// been read, so that a syntax error anywhere is reported first, as it always was.
    /// </summary>
    private InputException? _refused;

    private JsonTreeBuilder(JsonTextReader reader, string path, bool strict)
    {
        _reader = reader;
        _path = path;
        _strict = strict;
    }

    /// <param name="strict">Hold names and strings to the rules of the files this tool is given.</param>
    public static JsonItem Build(string path, string text, bool strict)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            MaxDepth = JsonFileReader.MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,

            // One string per distinct member name: a DPM server's snapshot repeats a few names tens of thousands of times.
            PropertyNameTable = new MemberNames(),
        };
        var builder = new JsonTreeBuilder(reader, path, strict);
        try
        {
            if (!builder.NextOrEnd())
            {
                throw new InputException(new SourceLocation(path, 1, 1), "the file holds only comments; it must hold a JSON object { ... }.");
            }

            var root = builder.Value(member: null, isEntry: false);
            if (builder.NextOrEnd())
            {
                throw new InputException(builder.Here, "unexpected content after the end of the JSON document; remove it.");
            }

            return builder._refused is { } refused ? throw refused : root;
        }
        catch (JsonReaderException e)
        {
            throw new InputException(new SourceLocation(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), Explain(e));
        }
    }

    private SourceLocation Here => new(_path, _reader.LineNumber, Math.Max(1, _reader.LinePosition));

    /// <summary>Reads the next token that is not a comment; false at the end of the text.</summary>
    private bool NextOrEnd()
    {
        do
        {
            if (++_tokens > JsonFileReader.MaxTokens)
            {
                throw new InputException(Here,
                    string.Create(CultureInfo.InvariantCulture, $"the file holds more than {JsonFileReader.MaxTokens:N0} JSON values; no real baseline, snapshot or plan does, so this one is damaged or hostile."));
            }

            if (!_reader.Read())
            {
                return false;
            }
        }
        while (_reader.TokenType == JsonToken.Comment);

        return true;
    }

    private void Next(string unclosed)
    {
        if (!NextOrEnd())
        {
            throw new InputException(Here, $"the file is not valid JSON: it ends inside {unclosed}; fix the syntax there.");
        }
    }

    /// <param name="member">The member whose value this is, or whose array this is an entry of (null for neither): how a string here is named in an error.</param>
    /// <param name="isEntry">Whether this is an entry of the member's array.</param>
    private JsonItem Value(string? member, bool isEntry)
    {
        var (line, column) = (_reader.LineNumber, _reader.LinePosition);
        switch (_reader.TokenType)
        {
            case JsonToken.StartObject:
                return Object(line, column);
            case JsonToken.StartArray:
                var array = new JsonArrayItem(line, column);
                while (true)
                {
                    Next("an array that is not closed with ']'");
                    if (_reader.TokenType == JsonToken.EndArray)
                    {
                        return array;
                    }

                    array.Add(Value(isEntry ? null : member, isEntry: true));
                }

            case JsonToken.String:
                var text = (string)_reader.Value!;
                if (_strict && _refused is null && text.AsSpan().IndexOfAny(Unprintable) is var at and >= 0)
                {
                    // Named here, not for every string: a snapshot holds tens of thousands.
                    var owner = member is null ? "a string" : isEntry ? $"an entry of \"{member}\"" : $"\"{member}\"";
                    _refused = new InputException(new SourceLocation(_path, line, column),
                        $"{owner} holds the control character {Character(text[at])}; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.");
                }

                return new JsonStringItem(text, line, column);
            case JsonToken.Integer or JsonToken.Float:
                return new JsonNumberItem(_reader.Value!, line, column);
            case JsonToken.Boolean:
                return new JsonBooleanItem((bool)_reader.Value!, line, column);
            case JsonToken.Null:
                return new JsonNullItem(line, column);
            case JsonToken.Undefined:
                // Newtonsoft's reader accepts JavaScript's undefined; read as null it would quietly mean "not given".
                throw new InputException(new SourceLocation(_path, line, Math.Max(1, column)),
                    "the file is not valid JSON: undefined is JavaScript, not JSON; write null or leave the member out.");
            default:
                // A JavaScript constructor ("new Date(1)"), which Newtonsoft's reader accepts and JSON does not have.
                throw new InputException(new SourceLocation(_path, line, Math.Max(1, column)),
                    "the file is not valid JSON: a JavaScript constructor such as new Date(...) is not JSON; fix the syntax there.");
        }
    }

    private JsonObjectItem Object(int line, int column)
    {
        var item = new JsonObjectItem(line, column);
        while (true)
        {
            Next("an object that is not closed with '}'");
            if (_reader.TokenType == JsonToken.EndObject)
            {
                return item;
            }

            var name = (string)_reader.Value!;
            var (nameLine, nameColumn) = (_reader.LineNumber, _reader.LinePosition);
            if (item.Contains(name))
            {
                throw new InputException(Here, $"a member appears twice in the same object ({_reader.Path}); keep one.");
            }

            CheckName(name, nameLine, nameColumn);
            Next("an object that is not closed with '}'");
            item.Add(new JsonMember(name, Value(name, isEntry: false), nameLine, nameColumn));
        }
    }

    private void CheckName(string name, int line, int column)
    {
        if (!_strict || _refused is not null)
        {
            return;
        }

        if (IsSerializerMetadata(name))
        {
            _refused = new InputException(new SourceLocation(_path, line, column),
                $"the member \"{name}\" is serializer metadata that this tool never reads or acts on, at any depth; remove it.");
        }
        else if (name.AsSpan().IndexOfAny(Unprintable) is var at and >= 0)
        {
            _refused = new InputException(new SourceLocation(_path, line, column),
                $"a member name holds the control character {Character(name[at])}; names never need one, and it would garble reports and logs; remove it.");
        }
    }

    /// <summary>Whether a member name is one the serializers act on (any case), which no input file may hold.</summary>
    internal static bool IsSerializerMetadata(string name) =>
        name.StartsWith('$') && SerializerMetadata.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string Character(char c) => $"U+{(int)c:X4}";

    private static string Explain(JsonReaderException e)
    {
        if (e.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            return $"the JSON is nested more than {JsonFileReader.MaxDepth} levels deep; no valid file is, so this one is damaged or hostile.";
        }

        // Newtonsoft's own sentence already says what was expected; drop its position suffix, we print ours.
        var message = e.Message;
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        // Newtonsoft quotes the character it stumbled on as it is; a control character must not reach a terminal or log.
        message = string.Concat(message.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"the file is not valid JSON: {message.TrimEnd('.')}; fix the syntax there.";
    }

    /// <summary>Keeps one string per distinct member name (Newtonsoft's own table only finds names added to it beforehand).</summary>
    private sealed class MemberNames : JsonNameTable
    {
        private readonly DefaultJsonNameTable _names = new();

        public override string? Get(char[] key, int start, int length) =>
            _names.Get(key, start, length) ?? _names.Add(new string(key, start, length));
    }
}
