using BackupReconciler.Input;

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

    /// <summary>
    /// Makes sure a run that changes the host can keep its journal and lock in <paramref name="path"/>, before
    /// anything is read or changed: a state directory that is a file, read-only or unreachable is one
    /// sentence and exit 1, not a failure half-way through the run.
    /// </summary>
    public static void EnsureUsable(string path)
    {
        if (File.Exists(path))
        {
            throw new InputException(null, $"the state directory {path} is a file, not a folder, so no journal or lock can be kept there and nothing was done; pass --state-dir to a folder.");
        }

        try
        {
            Directory.CreateDirectory(path);
            foreach (var folder in new[] { "runs", "locks" }.Select(f => Path.Combine(path, f)).Where(f => File.Exists(f)))
            {
                throw new IOException($"{folder} is a file, not a folder");
            }

            var probe = Path.Combine(path, $".writable-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(null, $"the state directory {path} cannot hold the journal and lock ({e.Message.TrimEnd('.')}), so nothing was done; pass --state-dir to a writable folder.");
        }
    }
}
