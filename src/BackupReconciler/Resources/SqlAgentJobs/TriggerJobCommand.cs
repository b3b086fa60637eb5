namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>
/// Recognises DPM's scheduled jobs: their step runs <c>TriggerJob.exe &lt;JobDefinitionID&gt; &lt;ScheduleID&gt; &lt;FQDN&gt;</c>.
/// The program path may be quoted or not (KB 4456295 shows it unquoted, spaces and all), so the
/// program is everything up to the first <c>TriggerJob.exe</c> that ends a path segment, provided
/// nothing before it is another program.
/// </summary>
public static class TriggerJobCommand
{
    public const string ProgramName = "TriggerJob.exe";

    /// <summary>The TriggerJob.exe path the command runs, as written; null when the command runs something else.</summary>
    public static string? ProgramOf(string command)
    {
        // Spans until the one string returned: a DPM server's instance has thousands of jobs to look at.
        var text = command.AsSpan().TrimStart();
        var quoted = text.StartsWith('"');
        if (quoted)
        {
            text = text[1..];
        }

        var at = text.IndexOf(ProgramName, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var end = at + ProgramName.Length;
        var folder = text[..at];
        var endsSegment = end == text.Length || text[end] == '"' || char.IsWhiteSpace(text[end]);
        var startsSegment = folder.Length == 0 || folder[^1] is '\\' or '/';
        return endsSegment && startsSegment && IsOneFolder(folder, quoted) ? text[..end].ToString() : null;
    }

    /// <summary>Whether the path is absolute with a drive letter, the only kind whose existence can be checked.</summary>
    public static bool IsDriveAbsolute(ReadOnlySpan<char> path) =>
        path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    /// <summary>
    /// Whether the text before TriggerJob.exe is its folder rather than another program and its
    /// arguments (<c>cmd /c "...TriggerJob.exe"</c>, <c>echo TriggerJob.exe</c>).
    /// </summary>
    private static bool IsOneFolder(ReadOnlySpan<char> folder, bool quoted)
    {
        if (folder.Contains('"'))
        {
            return false;
        }

        if (quoted || !HasWhiteSpace(folder))
        {
            return true;
        }

        // Unquoted with spaces: a path from its start (drive, share or variable), and no program before it.
        var pathFromStart = IsDriveAbsolute(folder) || folder.StartsWith(@"\\", StringComparison.Ordinal) || folder.StartsWith('%');
        return pathFromStart && !folder.Contains(".exe ", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
