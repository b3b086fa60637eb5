namespace BackupReconciler.Cli;

/// <summary>Where journals, the lock and logs live: %ProgramData%\BackupReconciler, or the XDG state folder elsewhere.</summary>
public static class StateDirectory
{
    public static string Resolve(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "BackupReconciler");
        }

        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        return string.IsNullOrEmpty(state)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "backup-reconciler")
            : Path.Combine(state, "backup-reconciler");
    }
}
