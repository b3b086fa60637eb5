using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input;

/// <summary>
/// Reads a JSON input file into a token tree that keeps line and column of every token,
/// with the limits that keep hostile input from crashing the process.
/// </summary>
public static class JsonFileReader
{
    /// <summary>Deeper than any real baseline or snapshot needs; far below what would exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Tokens (values, members, brackets) a file may hold. The byte limit alone does not bound memory: a
    /// token costs up to ~130 bytes in the tree, so 126 MiB of "[]" once took 7.9 GB. Two million tokens is
    /// ten times a captured DPM server with thousands of jobs and rules, and at most ~300 MB of tree.
    /// </summary>
    public const int MaxTokens = 2_000_000;

    public static JToken Read(string path, long maxBytes) => Read(path, maxBytes, out _);

    /// <param name="bytes">The bytes that were read, for a caller that must notice when the file changes later.</param>
    public static JToken Read(string path, long maxBytes, out byte[] bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(null, $"{path}: the file does not exist; check the path.");
        }

        if (info.Length > maxBytes)
        {
            throw new InputException(SourceLocation.OfFile(path),
                string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length:N0} bytes, more than the {maxBytes:N0} allowed; this is not a file this tool writes or expects."));
        }

        bytes = InputFile.ReadBounded(path, maxBytes);
        var text = Decode(path, bytes);
        if (text.AsSpan().Trim().IsEmpty)
        {
            throw new InputException(new SourceLocation(path, 1, 1), "the file is empty; it must hold a JSON object { ... }.");
        }

        var token = Parse(path, text, out var suspicious);
        // The reader notes any name or string that might break a rule below; the walk over the whole tree (a
        // tenth of reading a large snapshot) finds which one and where, and runs only when there is one.
        if (suspicious)
        {
            CheckNamesAndStrings(path, token);
        }

        return token;
    }

    /// <summary>The member names Newtonsoft.Json and System.Text.Json act on when told to: type names, references.</summary>
    private static readonly string[] SerializerMetadata = ["$type", "$id", "$ref", "$values"];

    /// <summary>
    /// Input files (baselines, snapshots, variables) hold names and settings, never control characters
    /// (which would garble or forge lines of reports and logs) nor serializer metadata (which a .NET
    /// program reading a file this tool writes might act on), at any depth.
    /// </summary>
    private static void CheckNamesAndStrings(string path, JToken root)
    {
        foreach (var token in root is JContainer container ? container.DescendantsAndSelf() : [root])
        {
            if (token is JProperty property)
            {
                if (property.Name.StartsWith('$') && SerializerMetadata.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InputException(JsonObjectReader.Locate(property, path),
                        $"the member \"{property.Name}\" is serializer metadata that this tool never reads or acts on, at any depth; remove it.");
                }

                if (ControlCharacter(property.Name) is { } inName)
                {
                    throw new InputException(JsonObjectReader.Locate(property, path),
                        $"a member name holds the control character {inName}; names never need one, and it would garble reports and logs; remove it.");
                }
            }
            else if (token is JValue { Type: JTokenType.String, Value: string text } && ControlCharacter(text) is { } inValue)
            {
                var owner = token.Parent is JProperty p ? $"\"{p.Name}\"" : token.Parent?.Parent is JProperty q ? $"an entry of \"{q.Name}\"" : "a string";
                throw new InputException(JsonObjectReader.Locate(token, path),
                    $"{owner} holds the control character {inValue}; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.");
            }
        }
    }

    /// <summary>Control characters (tab, line feed and carriage return aside) and the bidirectional overrides and isolates.</summary>
    private static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
         .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         .. Enumerable.Range(0x202A, 5).Select(c => (char)c),
         .. Enumerable.Range(0x2066, 4).Select(c => (char)c)]);

    /// <summary>The first control or bidirectional formatting character other than tab, line feed and carriage return, as U+XXXX; null when there is none.</summary>
    private static string? ControlCharacter(string text) =>
        text.AsSpan().IndexOfAny(Unprintable) is var at and >= 0 ? $"U+{(int)text[at]:X4}" : null;

    /// <summary>Accepts UTF-8 with or without BOM and UTF-16 with BOM (what Windows PowerShell 5.1's redirection writes).</summary>
    public static string Decode(string path, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            throw new InputException(new SourceLocation(path, 1, 1), "the file is UTF-32, which this tool does not read; save it as UTF-8.");
        }

        string text;
        try
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2);
            }

            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start)) && FirstInvalidUtf8(bytes.AsSpan(start)) is { } bad)
            {
                throw new InputException(LocationOf(path, bytes.AsSpan(start, bad)),
                    $"the file is neither UTF-8 nor UTF-16 with a byte order mark (byte 0x{bytes[start + bad]:X2} here is not UTF-8; Windows-1252 or Latin-1 text looks like this); save it as UTF-8.");
            }

            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(SourceLocation.OfFile(path),
                "the file is neither UTF-8 nor UTF-16 with a byte order mark; save it as UTF-8.");
        }

        return text;
    }

    /// <summary>The index of the first byte that is not valid UTF-8, or null.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed))
            {
                return at;
            }

            at += consumed;
        }

        return null;
    }

    /// <summary>Line and column just after <paramref name="before"/> (valid UTF-8), counting characters as an editor does.</summary>
    private static SourceLocation LocationOf(string path, ReadOnlySpan<byte> before)
    {
        var text = Encoding.UTF8.GetString(before);
        var lineStart = text.LastIndexOf('\n') + 1;
        return new SourceLocation(path, text.Count(c => c == '\n') + 1, text.Length - lineStart + 1);
    }

    public static JToken Parse(string path, string text) => Parse(path, text, out _);

    /// <param name="suspicious">Whether a member name starts with '$' or a name or string holds a character <see cref="CheckNamesAndStrings"/> refuses.</param>
    private static JToken Parse(string path, string text, out bool suspicious)
    {
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, nul - 1)) + 1;
            throw new InputException(new SourceLocation(path, text.AsSpan(0, nul).Count('\n') + 1, nul - lineStart + 1),
                "the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.");
        }

        using var reader = new CountingReader(new StringReader(text), path)
        {
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var settings = new JsonLoadSettings
        {
            LineInfoHandling = LineInfoHandling.Load,
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            CommentHandling = CommentHandling.Ignore,
        };
        try
        {
            var token = JToken.ReadFrom(reader, settings);
            if (reader.Read())
            {
                throw new InputException(new SourceLocation(path, reader.LineNumber, reader.LinePosition),
                    "unexpected content after the end of the JSON document; remove it.");
            }

            suspicious = reader.Suspicious;
            return token;
        }
        catch (JsonReaderException e)
        {
            throw new InputException(new SourceLocation(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), Explain(e));
        }
    }

    /// <summary>
    /// Stops reading at <see cref="MaxTokens"/>, before the tree of a hostile file outgrows memory; notes whether
    /// any name or string needs <see cref="CheckNamesAndStrings"/>.
    /// </summary>
    private sealed class CountingReader(TextReader text, string path) : JsonTextReader(text)
    {
        private int _tokens;

        /// <summary>A member name starting with '$', or a name or string value holding a refused character, was read.</summary>
        public bool Suspicious { get; private set; }

        public override bool Read()
        {
            if (++_tokens > MaxTokens)
            {
                throw new InputException(new SourceLocation(path, LineNumber, Math.Max(1, LinePosition)),
                    string.Create(CultureInfo.InvariantCulture, $"the file holds more than {MaxTokens:N0} JSON values; no real baseline, snapshot or plan does, so this one is damaged or hostile."));
            }

            var read = base.Read();
            if (!Suspicious && Value is string value && TokenType is JsonToken.PropertyName or JsonToken.String)
            {
                Suspicious = (TokenType == JsonToken.PropertyName && value.StartsWith('$') && SerializerMetadata.Contains(value, StringComparer.OrdinalIgnoreCase)) || value.AsSpan().IndexOfAny(Unprintable) >= 0;
            }

            return read;
        }
    }

    private static string Explain(JsonReaderException e)
    {
        if (e.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            return $"the JSON is nested more than {MaxDepth} levels deep; no valid file is, so this one is damaged or hostile.";
        }

        if (e.Message.Contains("already exists in the current JSON object", StringComparison.Ordinal))
        {
            return $"a member appears twice in the same object ({e.Path}); keep one.";
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
}
