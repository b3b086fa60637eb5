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
        var text = command.TrimStart();
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
        return endsSegment && startsSegment && IsOneFolder(folder, quoted) ? text[..end] : null;
    }

    /// <summary>Whether the path is absolute with a drive letter, the only kind whose existence can be checked.</summary>
    public static bool IsDriveAbsolute(string path) =>
        path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    /// <summary>
    /// Whether the text before TriggerJob.exe is its folder rather than another program and its
    /// arguments (<c>cmd /c "...TriggerJob.exe"</c>, <c>echo TriggerJob.exe</c>).
    /// </summary>
    private static bool IsOneFolder(string folder, bool quoted)
    {
        if (folder.Contains('"', StringComparison.Ordinal))
        {
            return false;
        }

        if (quoted || !folder.Any(char.IsWhiteSpace))
        {
            return true;
        }

        // Unquoted with spaces: a path from its start (drive, share or variable), and no program before it.
        var pathFromStart = IsDriveAbsolute(folder) || folder.StartsWith(@"\\", StringComparison.Ordinal) || folder.StartsWith('%');
        return pathFromStart && !folder.Contains(".exe ", StringComparison.OrdinalIgnoreCase);
    }
}
