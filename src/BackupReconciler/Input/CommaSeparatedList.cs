using BackupReconciler.Input.Json;

namespace BackupReconciler.Input;

/// <summary>
/// A member holding a list the way Windows tools write it: an array of strings, one string with
/// commas (<c>"135,5718"</c>, as netsh takes it), or a mix. Each entry keeps its token, so an error
/// points at the entry that is wrong; splitting at commas is the parser's business.
/// </summary>
public static class CommaSeparatedList
{
    /// <summary>
    /// The entries in written order, each still holding its commas; null when the member is absent.
    /// With <paramref name="allowNumbers"/> JSON numbers count as entries, since ports are naturally written as 445.
    /// </summary>
    public static IReadOnlyList<(string Text, JsonItem Token)>? Read(JsonObjectReader reader, string name, string example, bool allowNumbers)
    {
        if (reader.Optional(name) is not { } token)
        {
            return null;
        }

        var items = token as IReadOnlyList<JsonItem> ?? [token];
        var entries = new List<(string, JsonItem)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var text = item switch
            {
                JsonStringItem { Value: var value } => value,
                JsonNumberItem { Kind: JsonKind.Integer } number when allowNumbers => number.Text,
                _ => throw reader.Error(item, $"\"{name}\" of {reader.Subject} must be a list of strings such as {example}; found {JsonObjectReader.Describe(item)}."),
            };
            entries.Add((text, item));
        }

        return entries;
    }

    /// <summary>The entries' texts, in order.</summary>
    public static List<string> Texts(IReadOnlyList<(string Text, JsonItem Token)> entries)
    {
        var texts = new List<string>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            texts.Add(entries[i].Text);
        }

        return texts;
    }
}
