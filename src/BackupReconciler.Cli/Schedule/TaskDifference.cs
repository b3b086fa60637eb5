using BackupReconciler.Host.ScheduledTasks;

namespace BackupReconciler.Cli.Schedule;

/// <summary>One setting of the registered task that differs from what <c>schedule install</c> wants, in the words reports use.</summary>
internal sealed record TaskDifference(string Setting, string Actual, string Wanted)
{
    public override string ToString() => $"{Setting}: {Actual} → {Wanted}";

    /// <summary>Every setting of <paramref name="actual"/> that is not as <paramref name="wanted"/> says, in a fixed order.</summary>
    public static IReadOnlyList<TaskDifference> Between(ScheduledTaskDefinition actual, ScheduledTaskDefinition wanted)
    {
        var differences = new List<TaskDifference>();
        void Compare(string setting, string a, string w, StringComparison comparison = StringComparison.Ordinal)
        {
            if (!string.Equals(a, w, comparison))
            {
                differences.Add(new TaskDifference(setting, a, w));
            }
        }

        Compare("program", Quoted(actual.Command), Quoted(wanted.Command), StringComparison.OrdinalIgnoreCase);
        Compare("arguments", Quoted(actual.Arguments), Quoted(wanted.Arguments));
        Compare("every", Every(actual.Every), Every(wanted.Every));
        Compare("random delay", ScheduledRun.Say(actual.RandomDelay), ScheduledRun.Say(wanted.RandomDelay));
        Compare("time limit", ScheduledRun.Say(actual.ExecutionTimeLimit), ScheduledRun.Say(wanted.ExecutionTimeLimit));
        Compare("runs as", actual.RunAs.Length == 0 ? "(no account)" : actual.RunAs, wanted.RunAs, StringComparison.OrdinalIgnoreCase);
        Compare("multiple instances", actual.Overlap.ToString(), wanted.Overlap.ToString());
        Compare("start when available", YesNo(actual.StartWhenAvailable), YesNo(wanted.StartWhenAvailable));
        Compare("enabled", YesNo(actual.Enabled), YesNo(wanted.Enabled));
        Compare("description", Quoted(actual.Description), Quoted(wanted.Description));
        return differences;
    }

    private static string Quoted(string text) => text.Length == 0 ? "(none)" : $"\"{text}\"";

    private static string Every(TimeSpan every) => every == TimeSpan.Zero ? "(no repetition)" : ScheduledRun.Say(every);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
