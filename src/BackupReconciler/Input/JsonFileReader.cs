using System.Globalization;
using System.Text;
using BackupReconciler.Input.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input;

/// <summary>
/// Reads a JSON input file into a tree that keeps line and column of every value (<see cref="JsonTreeBuilder"/>
/// holds the rules and limits), or into Newtonsoft's token tree for code that still reads JTokens.
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

    public static JToken Read(string path, long maxBytes) => ReadTree(path, maxBytes, out _).ToToken();

    /// <summary>The file as a <see cref="JsonItem"/> tree: what the snapshot, many times a baseline's size, is read from.</summary>
    /// <param name="bytes">The bytes that were read, for a caller that must notice when the file changes later.</param>
    public static JsonItem ReadTree(string path, long maxBytes, out byte[] bytes)
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
        if (Utf8TreeBuilder.TryBuild(bytes) is { } tree)
        {
            return tree;
        }

        var text = Decode(path, bytes);
        if (text.AsSpan().Trim().IsEmpty)
        {
            throw new InputException(new SourceLocation(path, 1, 1), "the file is empty; it must hold a JSON object { ... }.");
        }

        return Parse(path, text, strict: true);
    }

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

    public static JToken Parse(string path, string text) => ParseTree(path, text).ToToken();

    /// <summary>
    /// A JSON text from elsewhere (a host's own JSON file, a DSC instance): the limits and the syntax of an
    /// input file, but no rule about the characters of its names and strings, which are the writer's business.
    /// </summary>
    public static JsonItem ParseTree(string path, string text) => Parse(path, text, strict: false);

    private static JsonItem Parse(string path, string text, bool strict)
    {
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, nul - 1)) + 1;
            throw new InputException(new SourceLocation(path, text.AsSpan(0, nul).Count('\n') + 1, nul - lineStart + 1),
                "the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.");
        }

        return JsonTreeBuilder.Build(path, text, strict);
    }
}
