namespace BackupReconciler.Windows.ScheduledTasks;

/// <summary>A task's full path split as Task Scheduler's COM API takes it: the folder (<c>\</c> for the root) and the name.</summary>
internal readonly record struct TaskLocation(string Folder, string Name)
{
    /// <summary>Null when <paramref name="fullPath"/> does not name a task (no leading backslash, or a folder).</summary>
    public static TaskLocation? Parse(string fullPath)
    {
        var path = fullPath.Trim();
        var last = path.LastIndexOf('\\');
        if (!path.StartsWith('\\') || last == path.Length - 1)
        {
            return null;
        }

        return new TaskLocation(last == 0 ? "\\" : path[..last], path[(last + 1)..]);
    }
}
