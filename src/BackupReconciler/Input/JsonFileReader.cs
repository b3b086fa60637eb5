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

    public static JToken Read(string path, long maxBytes)
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

        return Parse(path, Decode(path, File.ReadAllBytes(path)));
    }

    /// <summary>Accepts UTF-8 with or without BOM and UTF-16 with BOM (what Windows PowerShell 5.1's redirection writes).</summary>
    public static string Decode(string path, byte[] bytes)
    {
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
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(SourceLocation.OfFile(path),
                "the file is neither UTF-8 nor UTF-16 with a byte order mark; save it as UTF-8.");
        }
    }

    public static JToken Parse(string path, string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
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

            return token;
        }
        catch (JsonReaderException e)
        {
            throw new InputException(new SourceLocation(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), Explain(e));
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

        return $"the file is not valid JSON: {message.TrimEnd('.')}; fix the syntax there.";
    }
}
