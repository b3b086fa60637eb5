namespace BackupReconciler.Resources.HostsEntry;

/// <summary>
/// One line of a hosts file and its own line ending ("\r\n", "\n", or none at the end of the file).
/// An entry is an address followed by names, separated by spaces or tabs; '#' starts a comment.
/// </summary>
public sealed record HostsLine(string Content, string Ending)
{
    private IReadOnlyList<(int Start, int End)>? _tokens;

    /// <summary>Spans of the words before any comment.</summary>
    private IReadOnlyList<(int Start, int End)> Tokens => _tokens ??= Tokenize(Content);

    public string? Address => Tokens.Count >= 2 ? Content[Tokens[0].Start..Tokens[0].End] : null;

    public IReadOnlyList<string> Names => Tokens.Count >= 2 ? Tokens.Skip(1).Select(t => Content[t.Start..t.End]).ToList() : [];

    public bool Maps(string hostname) => Names.Any(n => IsName(n, hostname));

    /// <summary>Whether every name on the line is <paramref name="hostname"/> (usually: it is the only one).</summary>
    public bool MapsOnly(string hostname) => Names.Count > 0 && Names.All(n => IsName(n, hostname));

    public HostsLine WithAddress(string address)
    {
        var (start, end) = Tokens[0];
        return this with { Content = Content[..start] + address + Content[end..], _tokens = null };
    }

    /// <summary>The line without <paramref name="hostname"/> and the blanks before it; the other names and the comment stay.</summary>
    public HostsLine WithoutName(string hostname)
    {
        var content = Content;
        for (var i = Tokens.Count - 1; i >= 1; i--)
        {
            var (start, end) = Tokens[i];
            if (IsName(content[start..end], hostname))
            {
                content = content[..Tokens[i - 1].End] + content[end..];
            }
        }

        return this with { Content = content, _tokens = null };
    }

    /// <summary>Host names ignore case, and a fully qualified name's trailing dot means nothing.</summary>
    private static bool IsName(string written, string hostname) =>
        written.TrimEnd('.').Equals(hostname.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static List<(int Start, int End)> Tokenize(string content)
    {
        var comment = content.IndexOf('#', StringComparison.Ordinal);
        var end = comment < 0 ? content.Length : comment;
        var tokens = new List<(int Start, int End)>();
        var i = 0;
        while (i < end)
        {
            while (i < end && content[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            while (i < end && content[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add((start, i));
            }
        }

        return tokens;
    }
}
