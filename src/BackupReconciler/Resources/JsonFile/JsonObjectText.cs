using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>
/// The text of a JSON object file, edited member by member: a changed value is replaced where it
/// stands, a removed member is cut out with its separator, a new member is appended after the last
/// one in the file's own style (line ending, indentation, <c>": "</c> or <c>":"</c>). Every other
/// character — order, spacing, comments, nested formatting — stays as it was.
/// </summary>
public sealed class JsonObjectText
{
    private const string DefaultIndent = "  ";
    private const string DefaultSeparator = ": ";

    private readonly string _text;
    private readonly int _open;
    private readonly int _close;
    private readonly IReadOnlyList<Member> _members;
    private readonly string _newLine;

    private JsonObjectText(string text, JObject json, int open, int close, IReadOnlyList<Member> members)
    {
        _text = text;
        Object = json;
        _open = open;
        _close = close;
        _members = members;
        _newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : text.Contains('\n', StringComparison.Ordinal) ? "\n" : "\r\n";
    }

    public JObject Object { get; }

    /// <summary>Locates the members of <paramref name="json"/>, which Newtonsoft has already parsed (and so validated) from <paramref name="text"/>.</summary>
    public static JsonObjectText Parse(string text, JObject json)
    {
        var scanner = new JsonScanner(text);
        var open = scanner.SkipTrivia(0);
        Expect(text, open, '{');
        var members = new List<Member>();
        var position = open + 1;
        while (true)
        {
            position = scanner.SkipTrivia(position);
            if (text[position] == '}')
            {
                break;
            }

            var keyStart = position;
            var keyEnd = scanner.SkipKey(keyStart);
            var colon = scanner.SkipTrivia(keyEnd);
            Expect(text, colon, ':');
            var valueStart = scanner.SkipTrivia(colon + 1);
            var (valueEnd, stop) = scanner.SkipValue(valueStart);
            members.Add(new Member(keyStart, keyEnd, valueStart, valueEnd));
            position = text[stop] == ',' ? stop + 1 : stop;
        }

        var names = json.Properties().Select(p => p.Name).ToList();
        if (names.Count != members.Count)
        {
            throw new InvalidOperationException($"found {members.Count} members in the text of an object Newtonsoft read with {names.Count}.");
        }

        return new JsonObjectText(text, json, open, position,
            members.Select((m, i) => m with { Name = names[i] }).ToList());
    }

    /// <summary>The text with the given members set (to a JSON value) or removed (null), in that order for new members.</summary>
    public string With(IReadOnlyList<KeyValuePair<string, JToken?>> edits)
    {
        var byName = edits.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var added = edits.Where(e => e.Value is not null && !_members.Any(m => m.Name == e.Key)).ToList();
        var multiLine = _members.Count == 0 || IndentOf(_members[0]) is not null;
        var indent = _members.Count == 0 ? DefaultIndent : IndentOf(_members[0]) ?? "";
        var separator = _members.Count == 0 ? DefaultSeparator : SeparatorOf(_members[0]);

        var pieces = new List<string?>();
        foreach (var member in _members)
        {
            if (!byName.TryGetValue(member.Name, out var value))
            {
                pieces.Add(_text[member.KeyStart..member.ValueEnd]);
            }
            else if (value is not null)
            {
                pieces.Add(_text[member.KeyStart..member.ValueStart] + Serialize(value, IndentOf(member) ?? "", multiLine));
            }
            else
            {
                pieces.Add(null);
            }
        }

        var output = new System.Text.StringBuilder();
        var first = true;
        if (_members.Count == 0)
        {
            output.Append(_text, 0, _open + 1).Append(_newLine).Append(indent);
        }
        else
        {
            output.Append(_text, 0, _members[0].KeyStart);
        }

        for (var i = 0; i < _members.Count; i++)
        {
            if (pieces[i] is null)
            {
                continue;
            }

            if (!first)
            {
                // What stood between the previous member and this one: the comma, line break, indentation, comments.
                output.Append(_text, _members[i - 1].ValueEnd, _members[i].KeyStart - _members[i - 1].ValueEnd);
            }

            output.Append(pieces[i]);
            first = false;
        }

        foreach (var (name, value) in added)
        {
            if (!first)
            {
                output.Append(',').Append(multiLine ? _newLine + indent : " ");
            }

            output.Append(JsonConvert.ToString(name)).Append(separator).Append(Serialize(value!, indent, multiLine));
            first = false;
        }

        if (first)
        {
            // Every member removed: an empty object, and whatever followed the closing brace.
            return _text[..(_open + 1)] + _text[_close..];
        }

        output.Append(_members.Count == 0 ? _newLine + _text[_close..] : _text[_members[^1].ValueEnd..]);
        return output.ToString();
    }

    /// <summary>The whitespace that starts the member's line, or null when the member does not start its line.</summary>
    private string? IndentOf(Member member)
    {
        var lineStart = _text.LastIndexOf('\n', member.KeyStart - 1) + 1;
        if (lineStart <= _open)
        {
            return null;
        }

        var lead = _text[lineStart..member.KeyStart];
        return string.IsNullOrWhiteSpace(lead) ? lead : null;
    }

    private string SeparatorOf(Member member)
    {
        var separator = _text[member.KeyEnd..member.ValueStart];
        return separator.Contains('/', StringComparison.Ordinal) || separator.Contains('\n', StringComparison.Ordinal) ? DefaultSeparator : separator;
    }

    /// <summary>Scalars compact; objects and arrays indented as the file's members are, continuing at the member's indentation.</summary>
    private string Serialize(JToken value, string memberIndent, bool multiLine)
    {
        if (value is not JContainer || !multiLine)
        {
            return value.ToString(Formatting.None);
        }

        var unit = memberIndent.Length > 0 ? memberIndent : DefaultIndent;
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = _newLine };
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = unit.Length, IndentChar = unit[0] })
        {
            value.WriteTo(json);
        }

        return writer.ToString().Replace(_newLine, _newLine + memberIndent, StringComparison.Ordinal);
    }

    private static void Expect(string text, int position, char expected)
    {
        if (position >= text.Length || text[position] != expected)
        {
            throw new InvalidOperationException($"expected '{expected}' at offset {position} of text Newtonsoft accepted.");
        }
    }

    /// <summary>Offsets of one member: its key token, and its value without surrounding whitespace or comments.</summary>
    private sealed record Member(int KeyStart, int KeyEnd, int ValueStart, int ValueEnd)
    {
        public string Name { get; init; } = "";
    }
}
