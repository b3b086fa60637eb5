using System.Text;

namespace BackupReconciler.Cli.Schedule;

/// <summary>
/// Quotes arguments so that Windows' parser (CommandLineToArgvW, and the C runtime and .NET, which follow the
/// same rules) gives back exactly each argument: a task's arguments are one string, and a path with a space,
/// a quote or a trailing backslash must survive it. The rules: an argument with no space, tab, newline or
/// quote goes as it is; any other is wrapped in quotes, each quote inside is escaped with a backslash, and
/// backslashes are doubled where they come before a quote (an inner one, or the closing one).
/// </summary>
internal static class WindowsCommandLine
{
    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes before a quote are doubled, and the quote escaped; elsewhere they are literal.
            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        // Before the closing quote, backslashes are doubled so that the quote closes.
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
