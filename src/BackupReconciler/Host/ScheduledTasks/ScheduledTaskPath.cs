namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>
/// Task Scheduler paths: folders start at the root <c>\</c>, and a task's full path is its folder
/// followed by its name, as <c>schtasks /query /tn</c> takes it.
/// </summary>
public static class ScheduledTaskPath
{
    /// <summary>Whether <paramref name="folder"/> is a folder path such as <c>\</c> or <c>\Microsoft\OnlineBackup\</c>.</summary>
    public static bool IsFolder(string folder) =>
        folder.StartsWith('\\') && !folder.Contains(@"\\", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="fullPath"/> names a task: a folder path ending in a task name.</summary>
    public static bool IsTask(string fullPath) =>
        IsFolder(fullPath) && !fullPath.EndsWith('\\');

    /// <summary>The full path of the task <paramref name="name"/> in <paramref name="folder"/>; a trailing backslash on the folder is optional.</summary>
    public static string Combine(string folder, string name) => folder.TrimEnd('\\') + "\\" + name;
}
