using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace BackupReconciler.Input.Json;

/// <summary>
/// Builds the <see cref="JsonItem"/> tree straight from a file's UTF-8 bytes with the runtime's
/// <see cref="Utf8JsonReader"/>, for the one case that is nearly every file read: plain JSON that breaks
/// no input rule. Newtonsoft's reader needs the whole file decoded to UTF-16 first and makes a string of
/// every token; reading a DPM server's 940 KB snapshot spent a fifth of a plan there.
/// <para>
/// It gives up (null) on anything else: a syntax error, a comment, a trailing comma, a number that is not
/// a plain 64-bit integer or decimal, a member twice, a control character, serializer metadata, a depth or
/// size near the limits. <see cref="JsonTreeBuilder"/> then reads the file as it always did, so every error,
/// position and leniency stays Newtonsoft's; this builder only has to be right when it succeeds, and a law
/// (JsonFastPathTests) holds it to building exactly the tree, positions included, that Newtonsoft's would.
/// </para>
/// </summary>
internal sealed class Utf8TreeBuilder
{
    /// <summary>Below <see cref="JsonFileReader.MaxDepth"/>, so that no depth Newtonsoft's reader refuses is accepted here.</summary>
    private const int DepthGivenUp = JsonFileReader.MaxDepth - 4;

    private static readonly JsonReaderOptions Strict = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = JsonFileReader.MaxDepth,
    };

    /// <summary>Values up to this many bytes are kept once each, as member names are.</summary>
    private const int ShortValue = 32;

    /// <summary>Names longer than this are decoded on the heap rather than on the stack before they are looked up.</summary>
    private const int LongName = 128;

    private readonly byte[] _bytes;

    /// <summary>Where the JSON starts in <see cref="_bytes"/> (after a byte order mark): the reader's offsets count from there.</summary>
    private readonly int _start;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _tokens;

    // Where the last position was worked out: line, the offset its line starts at, and how many more bytes
    // than characters the line holds up to there (the columns Newtonsoft gives count UTF-16 characters).
    private int _line = 1;
    private int _lineStart;
    private int _lineExtraBytes;
    private int _scanned;

    private Utf8TreeBuilder(byte[] bytes, int start)
    {
        _bytes = bytes;
        _start = start;
        _lineStart = start;
        _scanned = start;
    }

    /// <summary>The tree of <paramref name="bytes"/> (UTF-8, a byte order mark allowed), or null to read it the careful way.</summary>
    public static JsonItem? TryBuild(byte[] bytes)
    {
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start)))
        {
            return null;
        }

        var builder = new Utf8TreeBuilder(bytes, start);
        var reader = new Utf8JsonReader(bytes.AsSpan(start), isFinalBlock: true, new JsonReaderState(Strict));
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var root = builder.Value(ref reader, depth: 0);

            // Anything after the document (which the reader refuses by throwing) sends the file the careful way.
            return root is null || reader.Read() ? null : root;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot turn into UTF-16 (an escaped lone surrogate).
            return null;
        }
    }

    private JsonItem? Value(ref Utf8JsonReader reader, int depth)
    {
        if (++_tokens >= JsonFileReader.MaxTokens - 16 || depth >= DepthGivenUp)
        {
            return null;
        }

        var at = _start + (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return Object(ref reader, depth, Position(at + 1));
            case JsonTokenType.StartArray:
                var (arrayLine, arrayColumn) = Position(at + 1);
                var array = new JsonArrayItem(arrayLine, arrayColumn);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Value(ref reader, depth + 1) is not { } entry)
                    {
                        return null;
                    }

                    array.Add(entry);
                }

                _tokens++;
                return array;
            case JsonTokenType.String:
                var raw = reader.ValueSpan;
                var (line, column) = Position(at + raw.Length + 2, at + 1, raw);
                // Short values repeat (directions, protocols, kinds, states, accounts: thousands of each in a DPM
                // server's snapshot) and are kept once, as names are; longer ones are mostly distinct.
                var text = raw.Length <= ShortValue ? Name(ref reader, raw) : reader.GetString()!;
                return Refused(raw, reader.ValueIsEscaped, text) ? null : new JsonStringItem(text, line, column);
            case JsonTokenType.Number:
                return Number(reader.ValueSpan, Position(at + reader.ValueSpan.Length));
            case JsonTokenType.True or JsonTokenType.False:
                var (boolLine, boolColumn) = Position(at + reader.ValueSpan.Length);
                return new JsonBooleanItem(reader.TokenType == JsonTokenType.True, boolLine, boolColumn);
            case JsonTokenType.Null:
                var (nullLine, nullColumn) = Position(at + 4);
                return new JsonNullItem(nullLine, nullColumn);
            default:
                return null;
        }
    }

    private JsonObjectItem? Object(ref Utf8JsonReader reader, int depth, (int Line, int Column) at)
    {
        var item = new JsonObjectItem(at.Line, at.Column);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            _tokens++;

            // Newtonsoft places a member after the colon that follows its name (whitespace may come between).
            var raw = reader.ValueSpan;
            var nameAt = _start + (int)reader.TokenStartIndex + 1;
            var colon = Array.IndexOf(_bytes, (byte)':', nameAt + raw.Length + 1);
            var (line, column) = Position(colon + 1, nameAt, raw);
            var name = Name(ref reader, raw);
            if (Refused(raw, reader.ValueIsEscaped, name) || JsonTreeBuilder.IsSerializerMetadata(name) || item.Contains(name) || !reader.Read())
            {
                return null;
            }

            if (Value(ref reader, depth + 1) is not { } value)
            {
                return null;
            }

            item.Add(new JsonMember(name, value, line, column));
        }

        _tokens++;
        return item;
    }

    /// <summary>One string per distinct member name (a DPM server's snapshot repeats a few names tens of thousands of times) or short value.</summary>
    private string Name(ref Utf8JsonReader reader, ReadOnlySpan<byte> raw)
    {
        if (reader.ValueIsEscaped || raw.Length > LongName)
        {
            var escaped = reader.GetString()!;
            return _names.TryAdd(escaped, escaped) ? escaped : _names[escaped];
        }

        Span<char> chars = stackalloc char[raw.Length];
        var length = Encoding.UTF8.GetChars(raw, chars);
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        var name = new string(chars[..length]);
        _names.Add(name, name);
        return name;
    }

    /// <summary>
    /// A plain 64-bit integer here; any other number as Newtonsoft's reader makes it (decimal for a fraction
    /// or exponent, BigInteger beyond 64 bits), since that is what the rest of the tool has always been given.
    /// </summary>
    private static JsonNumberItem? Number(ReadOnlySpan<byte> raw, (int Line, int Column) at)
    {
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && Utf8Parser.TryParse(raw, out long whole, out var used) && used == raw.Length)
        {
            return new JsonNumberItem(whole, at.Line, at.Column);
        }

        using var single = new Newtonsoft.Json.JsonTextReader(new StringReader(Encoding.ASCII.GetString(raw)))
        {
            FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        };
        try
        {
            return single.Read() && single.Value is { } value ? new JsonNumberItem(value, at.Line, at.Column) : null;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the string holds a character the input rules refuse. The reader refuses a raw control character
    /// below U+0020, and every other refused character is beyond ASCII, so plain unescaped ASCII needs no look.
    /// </summary>
    private static bool Refused(ReadOnlySpan<byte> raw, bool escaped, string text) =>
        (escaped || raw.IndexOfAnyInRange((byte)0x7F, (byte)0xFF) >= 0) && text.AsSpan().IndexOfAny(JsonTreeBuilder.Unprintable) >= 0;

    /// <summary>Line and column of the offset just after a token, as Newtonsoft counts them.</summary>
    /// <param name="end">The offset just after the token (for a member name, after the colon that follows it).</param>
    /// <param name="token">The token's raw text when it may hold characters beyond ASCII (a string or name), at <paramref name="tokenStart"/>.</param>
    private (int Line, int Column) Position(int end, int tokenStart = -1, ReadOnlySpan<byte> token = default)
    {
        if (!token.IsEmpty && !Ascii.IsValid(token))
        {
            // The line breaks before the token first: a name's colon may be lines after it, and then its characters do not count.
            Advance(tokenStart);
            _lineExtraBytes += token.Length - Encoding.UTF8.GetCharCount(token);
        }

        Advance(end);
        return (_line, end - _lineStart - _lineExtraBytes);
    }

    /// <summary>Counts the line breaks up to <paramref name="offset"/>.</summary>
    private void Advance(int offset)
    {
        // Only whitespace between tokens can break a line: the reader refuses a raw line break in a string.
        var gap = _bytes.AsSpan(_scanned, offset - _scanned);
        var at = _scanned;
        int found;
        while ((found = gap.IndexOfAny((byte)'\r', (byte)'\n')) >= 0)
        {
            // "\r\n" is one line break, as is a lone "\r" or "\n".
            var after = found + 1;
            if (gap[found] == (byte)'\r' && after < gap.Length && gap[after] == (byte)'\n')
            {
                after++;
            }

            _line++;
            _lineStart = at + after;
            _lineExtraBytes = 0;
            gap = gap[after..];
            at += after;
        }

        _scanned = offset;
    }
}
