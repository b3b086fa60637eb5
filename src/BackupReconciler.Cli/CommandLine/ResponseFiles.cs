using System.CommandLine.Parsing;
using BackupReconciler.Input;

namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// <c>@args.rsp</c>: the file's lines stand in for the argument, as System.CommandLine and msbuild read them
/// (blank lines and lines starting with <c>#</c> skipped, each line split as a shell would, quotes kept
/// together). Expanded here rather than by the parser, so that secrets given in a response file are known
/// before anything is printed and option names in it are matched case-insensitively like typed ones.
/// </summary>
public static class ResponseFiles
{
    /// <summary>A response file naming another is read too, this deep at most (a file naming itself is an error, not a hang).</summary>
    private const int MostNested = 8;

    public static IReadOnlyList<string> Expand(IReadOnlyList<string> args) => Expand(args, 0);

    private static List<string> Expand(IReadOnlyList<string> args, int depth)
    {
        var expanded = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                // Everything after "--" is a value, even one that starts with @.
                expanded.AddRange(args.Skip(i));
                break;
            }

            if (arg.Length < 2 || arg[0] != '@')
            {
                expanded.Add(arg);
                continue;
            }

            var path = arg[1..];
            if (depth >= MostNested)
            {
                throw new InputException(null, $"{arg}: response files nest more than {MostNested} deep (does one name itself?); name the arguments in one file.");
            }

            if (Directory.Exists(path))
            {
                throw new InputException(null, $"{arg}: {path} is a directory; give a response file, one argument or more per line.");
            }

            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(null, $"{arg}: the response file cannot be read ({e.Message}); give a readable file with one argument or more per line.");
            }

            expanded.AddRange(Expand(Split(lines), depth + 1));
        }

        return expanded;
    }

    /// <summary>Apart, so that a command line without a response file does not load the parser's assembly to read it.</summary>
    private static List<string> Split(string[] lines) =>
        lines.Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(CommandLineParser.SplitCommandLine)
            .ToList();
}
