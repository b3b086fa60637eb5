using BackupReconciler.Input;

namespace BackupReconciler.Cli.History;

/// <summary>The <c>history</c> verb: the drift history of the journals in the state directory, in the chosen format.</summary>
public static class HistoryCommand
{
    /// <summary>The window when --since is not given.</summary>
    public static readonly Duration DefaultSince = new(TimeSpan.FromDays(7), "7d");

    public static string Render(string stateDirectory, Duration? since, string? baseline, OutputFormat format, DateTimeOffset now)
    {
        var history = HistoryReader.Read(stateDirectory, since ?? DefaultSince, baseline, now);
        return format switch
        {
            OutputFormat.Json => HistoryJson.Render(history),
            OutputFormat.Markdown => HistoryMarkdown.Render(history),
            OutputFormat.Html => HistoryHtml.Render(history),
            _ => HistoryText.Render(history),
        };
    }
}
