using BackupReconciler.Engine;
using BackupReconciler.Input;

namespace BackupReconciler.Cli.Fleet;

/// <summary>
/// <c>backup-reconciler report REPORTS... [--output text|json|markdown|html] [--out FILE] [--stale-after 7d]</c>:
/// one compliance view of the estate from the hosts' JSON reports (files, or folders searched for *.json).
/// Exit codes as the other verbs: 0 all compliant, 2 drift, manual findings, other statuses or stale
/// hosts, 4 failed hosts or unreadable reports, 6 both, 1 nothing was read (bad arguments, no reports).
/// </summary>
public sealed class FleetReportCommand(TextWriter stdout, TextWriter stderr, TimeProvider clock)
{
    public const string Usage = "usage: backup-reconciler report REPORTS... [--output text|json|markdown|html] [--out FILE] [--stale-after 7d]";

    private static readonly string[] Formats = ["text", "json", "markdown", "html"];

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            var (paths, format, outFile, staleAfter) = Parse(args);
            var files = Expand(paths);
            var reports = new List<HostReport>(files.Count);
            var problems = new List<ReportProblem>();
            foreach (var file in files)
            {
                var (report, problem) = ReportReader.Read(file);
                if (report is not null)
                {
                    reports.Add(report);
                }

                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }

            var view = FleetView.Build(reports, problems, files.Count, clock.GetUtcNow(), staleAfter);
            var text = format switch
            {
                "json" => FleetJson.Render(view),
                "markdown" => FleetMarkdown.Render(view),
                "html" => FleetHtml.Render(view),
                _ => FleetText.Render(view),
            };
            Write(text, outFile);
            return ExitCode(view);
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.NothingDone;
        }
    }

    public static int ExitCode(FleetView view)
    {
        var code = ExitCodes.NoChanges;
        if (view.Hosts.Any(h => h.Status is "drifted" or "manual" or "other" or "skipped" || h.Stale))
        {
            code |= ExitCodes.Changes;
        }

        if (view.Hosts.Any(h => h.Status == "failed") || view.Problems.Any(p => p.Kind == ProblemKind.Unreadable))
        {
            code |= ExitCodes.Failures;
        }

        return code;
    }

    private static (List<string> Paths, string Format, string? OutFile, TimeSpan StaleAfter) Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        string format = "text";
        string? outFile = null;
        var staleAfter = TimeSpan.FromDays(7);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new InputException(null, $"{arg} needs a value; {Usage}.");
            switch (arg)
            {
                case "--output":
                    format = Value();
                    if (!Formats.Contains(format, StringComparer.Ordinal))
                    {
                        throw new InputException(null, $"--output {format}: use text, json, markdown or html.");
                    }

                    break;
                case "--out":
                    outFile = Value();
                    break;
                case "--stale-after":
                    var text = Value();
                    staleAfter = Duration.TryParse(text, out var d) && d.Span > TimeSpan.Zero
                        ? d.Span
                        : throw new InputException(null, $"--stale-after {text}: give a duration such as {Duration.Examples}.");
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new InputException(null, $"{arg} is not an option of report{JsonObjectReader.Suggest(arg, ["--output", "--out", "--stale-after"])}; {Usage}.");
                    }

                    paths.Add(arg);
                    break;
            }
        }

        return paths.Count > 0 ? (paths, format, outFile, staleAfter) : throw new InputException(null, $"report needs report files or folders; {Usage}.");
    }

    /// <summary>Files as given (whatever their name), folders searched for *.json at any depth, in a stable order.</summary>
    private static List<string> Expand(List<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = false })
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                throw new InputException(null, $"{path}: no such file or folder; give the reports' files or the folders that hold them.");
            }
        }

        return files.Count > 0 ? files : throw new InputException(null, $"no *.json report was found in {string.Join(", ", paths)}; collect the hosts' test or apply reports (--output json) there first.");
    }

    private void Write(string text, string? outFile)
    {
        if (outFile is null)
        {
            stdout.Write(text);
            return;
        }

        try
        {
            File.WriteAllText(outFile, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(null, $"--out {outFile}: cannot write the report ({e.Message}); choose a writable path.");
        }
    }
}
