using System.Globalization;
using System.Text;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;

namespace BackupReconciler.RegFiles;

/// <summary>
/// Reads .reg files as regedit merges them: a header (REGEDIT4 or "Windows Registry Editor Version 5.00"),
/// <c>[KEY]</c> sections, <c>"name"=</c> or <c>@=</c> values — <c>"text"</c>, <c>dword:</c>, <c>hex:</c>,
/// <c>hex(0)</c>…<c>hex(b)</c> with line continuations, <c>-</c> to delete — and <c>;</c> comments. Only what a
/// registry resource can state is accepted; anything else (another hive, a key deletion, a value type no
/// resource holds, a malformed line) is a located error that says why.
/// </summary>
public static class RegFileParser
{
    private const string Version5Header = "Windows Registry Editor Version 5.00";
    private const string Regedit4Header = "REGEDIT4";

    public static RegFile Read(string path) => Parse(RegFileText.Read(path), path);

    public static RegFile Parse(string text, string path)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var header = first < 0 ? "" : lines[first].Trim();
        var format = header switch
        {
            Version5Header => RegFileFormat.Version5,
            Regedit4Header => RegFileFormat.Regedit4,
            _ => throw new InputException(new SourceLocation(path, Math.Max(first, 0) + 1, 1),
                $"a .reg file starts with \"{Version5Header}\" or \"{Regedit4Header}\"; this one starts with \"{Shorten(header)}\"."),
        };

        var keys = new List<(RegistryKeyPath Key, int Line, List<(string, RegistryValue?)> Values)>();
        List<(string, RegistryValue?)>? current = null;
        for (var i = first + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart(' ', '\t');
            var lineNumber = i + 1;
            var column = lines[i].Length - line.Length + 1;
            if (line.TrimEnd().Length == 0 || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                var key = ParseKey(line.TrimEnd(), new SourceLocation(path, lineNumber, column));
                var existing = keys.FindIndex(k => k.Key.Equals(key));
                if (existing < 0)
                {
                    keys.Add((key, lineNumber, []));
                    existing = keys.Count - 1;
                }

                current = keys[existing].Values;
                continue;
            }

            if (current is null)
            {
                throw new InputException(new SourceLocation(path, lineNumber, column), "a value comes before any [KEY] line; put it under the key it belongs to.");
            }

            // A hex value may go on over several lines, each but the last ending in a backslash.
            var logical = new StringBuilder(line.TrimEnd());
            while (logical.Length > 0 && logical[^1] == '\\' && IsHexValue(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].Trim());
            }

            var (name, value) = ParseValue(logical.ToString(), format, new SourceLocation(path, lineNumber, column));
            current.RemoveAll(v => v.Item1.Equals(name, StringComparison.OrdinalIgnoreCase));
            current.Add((name, value));
        }

        return new RegFile(path, format, keys.Select(k => new RegKeySection(k.Key, k.Line, k.Values)).ToList());
    }

    private static bool IsHexValue(StringBuilder line)
    {
        var text = line.ToString();
        var equals = ValueSeparator(text);
        return equals > 0 && text.AsSpan(equals + 1).TrimStart().StartsWith("hex", StringComparison.OrdinalIgnoreCase);
    }

    private static RegistryKeyPath ParseKey(string line, SourceLocation at)
    {
        if (!line.EndsWith(']'))
        {
            throw new InputException(at, $"the key line \"{Shorten(line)}\" does not end with ']'; write it as [HKEY_LOCAL_MACHINE\\SOFTWARE\\…].");
        }

        var name = line[1..^1].Trim();
        if (name.StartsWith('-'))
        {
            throw new InputException(at, $"[{Shorten(name)}] deletes a whole key with everything under it; a baseline never deletes keys (nothing could say what was lost). Delete it by hand, or list its values as \"name\"=- to remove them.");
        }

        var hive = name.Split('\\')[0];
        if (!hive.Equals("HKEY_LOCAL_MACHINE", StringComparison.OrdinalIgnoreCase) && !hive.Equals("HKLM", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(at, $"the key {Shorten(name)} is in {hive}; only HKEY_LOCAL_MACHINE keys can be imported (per-user and class keys are not machine configuration a baseline keeps). Remove that section or import it another way.");
        }

        return RegistryKeyPath.TryParse(name, out var key) && name.Contains('\\', StringComparison.Ordinal)
            ? key
            : throw new InputException(at, $"[{Shorten(name)}] names no key under HKEY_LOCAL_MACHINE; write [HKEY_LOCAL_MACHINE\\SOFTWARE\\…].");
    }

    /// <summary>The '=' after the value name (a quoted name may hold '=' and escaped quotes).</summary>
    private static int ValueSeparator(string line)
    {
        if (line.StartsWith('@'))
        {
            var rest = line.AsSpan(1).TrimStart();
            return rest.StartsWith("=") ? line.Length - rest.Length : -1;
        }

        if (!line.StartsWith('"'))
        {
            return -1;
        }

        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                var j = i + 1;
                while (j < line.Length && line[j] is ' ' or '\t')
                {
                    j++;
                }

                return j < line.Length && line[j] == '=' ? j : -1;
            }
        }

        return -1;
    }

    private static (string Name, RegistryValue? Value) ParseValue(string line, RegFileFormat format, SourceLocation at)
    {
        var equals = ValueSeparator(line);
        if (equals < 0)
        {
            throw new InputException(at, $"\"{Shorten(line)}\" is not a value line; write \"Name\"=dword:00000001, \"Name\"=\"text\", @=\"text\" or \"Name\"=-.");
        }

        var name = line.StartsWith('@') ? "" : Unescape(line[1..line.LastIndexOf('"', equals)], at);
        var data = line[(equals + 1)..].Trim();
        return (name, ParseData(data, name, format, at));
    }

    private static RegistryValue? ParseData(string data, string name, RegFileFormat format, SourceLocation at)
    {
        var shown = name.Length == 0 ? "the default value (@)" : $"\"{name}\"";
        if (data == "-")
        {
            return null;
        }

        if (data.StartsWith('"'))
        {
            return data.Length >= 2 && data.EndsWith('"') && !EndsWithEscapedQuote(data)
                ? RegistryValue.String(Unescape(data[1..^1], at))
                : throw new InputException(at, $"the text of {shown} does not end with an unescaped '\"'; write \"\\\\\" for a backslash and \"\\\"\" for a quote.");
        }

        if (data.StartsWith("dword:", StringComparison.OrdinalIgnoreCase))
        {
            var digits = data[6..].Trim();
            return digits.Length is > 0 and <= 8 && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number)
                ? RegistryValue.DWord(number)
                : throw new InputException(at, $"dword:{Shorten(digits)} of {shown} is not 1 to 8 hexadecimal digits; write it as dword:0000001c.");
        }

        if (data.StartsWith("hex", StringComparison.OrdinalIgnoreCase))
        {
            var colon = data.IndexOf(':', StringComparison.Ordinal);
            var type = colon < 0 ? null : data[3..colon];
            var kind = type switch
            {
                "" => 3,
                ['(', .. var inner, ')'] when int.TryParse(inner, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var k) => k,
                _ => -1,
            };
            if (kind < 0)
            {
                throw new InputException(at, $"\"{Shorten(data)}\" of {shown} is not hex:…, or hex(N):… with N a hexadecimal type number such as hex(2).");
            }

            var bytes = ParseBytes(data[(colon + 1)..], shown, at);
            return FromBytes(kind, bytes, shown, format, at);
        }

        throw new InputException(at, $"the data of {shown} is \"{Shorten(data)}\"; write \"text\", dword:…, hex:…, hex(N):… or - to delete the value.");
    }

    private static RegistryValue FromBytes(int kind, byte[] bytes, string shown, RegFileFormat format, SourceLocation at)
    {
        switch (kind)
        {
            case 1 or 2:
                var text = Decode(bytes, format, shown, at).TrimEnd('\0');
                return kind == 1 ? RegistryValue.String(text) : RegistryValue.ExpandString(text);
            case 3:
                return RegistryValue.Binary(bytes);
            case 4:
                return bytes.Length == 4
                    ? RegistryValue.DWord(BitConverter.ToUInt32(bytes))
                    : throw new InputException(at, $"hex(4) of {shown} has {bytes.Length} bytes; a REG_DWORD has 4.");
            case 7:
                var joined = Decode(bytes, format, shown, at);
                var lines = joined.TrimEnd('\0').Split('\0');
                return RegistryValue.MultiString(joined.Trim('\0').Length == 0 ? [] : lines);
            case 0xb:
                return bytes.Length == 8
                    ? RegistryValue.QWord(BitConverter.ToUInt64(bytes))
                    : throw new InputException(at, $"hex(b) of {shown} has {bytes.Length} bytes; a REG_QWORD has 8.");
            default:
                var what = kind switch
                {
                    0 => "REG_NONE",
                    5 => "REG_DWORD_BIG_ENDIAN",
                    6 => "REG_LINK",
                    8 => "REG_RESOURCE_LIST",
                    9 => "REG_FULL_RESOURCE_DESCRIPTOR",
                    0xa => "REG_RESOURCE_REQUIREMENTS_LIST",
                    _ => $"type {kind:x}",
                };
                throw new InputException(at, $"{shown} is hex({kind:x}), {what}, which a registry resource cannot hold (it keeps string, expandString, multiString, binary, dword and qword); set that value another way.");
        }
    }

    private static string Decode(byte[] bytes, RegFileFormat format, string shown, SourceLocation at)
    {
        if (format == RegFileFormat.Regedit4)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        return bytes.Length % 2 == 0
            ? Encoding.Unicode.GetString(bytes)
            : throw new InputException(at, $"the UTF-16 text of {shown} has an odd number of bytes ({bytes.Length}); the file is damaged.");
    }

    private static byte[] ParseBytes(string text, string shown, SourceLocation at)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        var parts = trimmed.Split(',');
        var bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length is 0 or > 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                throw new InputException(at, $"byte {i + 1} of {shown} is \"{Shorten(part)}\", not two hexadecimal digits; write bytes as 00,1f,ff.");
            }
        }

        return bytes;
    }

    private static bool EndsWithEscapedQuote(string quoted)
    {
        var backslashes = 0;
        for (var i = quoted.Length - 2; i > 0 && quoted[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary>regedit's escapes inside quotes: <c>\\</c> and <c>\"</c>; any other is refused rather than guessed.</summary>
    private static string Unescape(string text, SourceLocation at)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                if (text[i] == '"')
                {
                    throw new InputException(at, $"\"{Shorten(text)}\" holds a '\"' that is not escaped; write it as \\\".");
                }

                result.Append(text[i]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] is '\\' or '"')
            {
                result.Append(text[++i]);
                continue;
            }

            throw new InputException(at, $"\"{Shorten(text)}\" has a backslash that escapes nothing regedit knows; write \\\\ for a backslash.");
        }

        return result.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
