using System.Text;
using BackupReconciler.Cli.Schedule;

namespace BackupReconciler.Tests.Cli.Schedule;

/// <summary>Arguments quoted so that Windows' parser gives each back exactly (Microsoft's "Parsing C++ command-line arguments" rules).</summary>
public sealed class WindowsCommandLineTests
{
    [Theory]
    [InlineData(@"C:\Baselines\dpm.json", @"C:\Baselines\dpm.json")]
    [InlineData(@"C:\Program Files\b.json", @"""C:\Program Files\b.json""")]
    [InlineData(@"C:\state dir\", @"""C:\state dir\\""")]
    [InlineData(@"a""b", @"""a\""b""")]
    [InlineData(@"a\""b", @"""a\\\""b""")]
    [InlineData(@"a\\b c", @"""a\\b c""")]
    [InlineData("", @"""""")]
    public void EachArgumentIsQuotedOnlyAsMuchAsItNeeds(string argument, string quoted)
    {
        Assert.Equal(quoted, WindowsCommandLine.Quote(argument));
    }

    [Theory]
    [InlineData(@"C:\Program Files\BackupReconciler\b.json", "--vars", @"C:\ProgramData\v ars\", @"trailing\\", "\"quoted\"", @"\\server\share\b.json", "tab\there", "")]
    [InlineData(@"\\\""", @"\", @"""", "a b", @"a\\\b")]
    public void WindowsParsingTheJoinedLineGivesBackEveryArgument(params string[] arguments)
    {
        Assert.Equal(arguments, Parse(WindowsCommandLine.Join(arguments)));
    }

    /// <summary>
    /// The parsing rules as Microsoft documents them for CommandLineToArgvW and the C runtime: whitespace
    /// separates outside quotes; 2n backslashes before a quote are n backslashes and the quote toggles quoting;
    /// 2n+1 backslashes before a quote are n backslashes and a literal quote; other backslashes are literal.
    /// </summary>
    private static List<string> Parse(string line)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                var start = i;
                while (i < line.Length && line[i] == '\\')
                {
                    i++;
                }

                var count = i - start;
                if (i < line.Length && line[i] == '"')
                {
                    current.Append('\\', count / 2);
                    if (count % 2 == 1)
                    {
                        current.Append('"');
                    }
                    else
                    {
                        quoted = !quoted;
                    }
                }
                else
                {
                    current.Append('\\', count);
                    i--;
                }

                any = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (!quoted && c is ' ' or '\t')
            {
                if (any)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
