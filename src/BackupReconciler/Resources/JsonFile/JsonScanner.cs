namespace BackupReconciler.Resources.JsonFile;

/// <summary>
/// Finds token boundaries in JSON text that Newtonsoft has already accepted, including what it
/// tolerates beyond the standard (comments, single-quoted strings, unquoted names, <c>new Date(…)</c>),
/// so that members can be edited in place. It never judges validity: the parse did.
/// </summary>
public sealed class JsonScanner(string text)
{
    /// <summary>The offset of the first character at or after <paramref name="position"/> that is neither whitespace nor a comment.</summary>
    public int SkipTrivia(int position)
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (IsCommentAt(position))
            {
                position = SkipComment(position);
            }
            else
            {
                break;
            }
        }

        return position;
    }

    /// <summary>The offset just after a member name: a quoted string, or an unquoted identifier.</summary>
    public int SkipKey(int position)
    {
        if (text[position] is '"' or '\'')
        {
            return SkipString(position);
        }

        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// The end of the value starting at <paramref name="position"/> (after its last significant
    /// character, so trailing spaces and comments are not part of it), and the offset of the ',' or '}'
    /// that ends it.
    /// </summary>
    public (int ValueEnd, int Stop) SkipValue(int position)
    {
        var depth = 0;
        var end = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (c is '"' or '\'')
            {
                position = end = SkipString(position);
                continue;
            }

            if (IsCommentAt(position))
            {
                position = SkipComment(position);
                continue;
            }

            if (depth == 0 && c is ',' or '}')
            {
                return (end, position);
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
            }

            position++;
            if (!char.IsWhiteSpace(c))
            {
                end = position;
            }
        }

        throw new InvalidOperationException("the object has no closing brace, yet Newtonsoft accepted it.");
    }

    private bool IsCommentAt(int position) =>
        text[position] == '/' && position + 1 < text.Length && text[position + 1] is '/' or '*';

    private int SkipComment(int position)
    {
        if (text[position + 1] == '/')
        {
            var newLine = text.IndexOf('\n', position);
            return newLine < 0 ? text.Length : newLine + 1;
        }

        var close = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 2;
    }

    private int SkipString(int position)
    {
        var quote = text[position];
        position++;
        while (position < text.Length && text[position] != quote)
        {
            position += text[position] == '\\' ? 2 : 1;
        }

        return position + 1;
    }
}
