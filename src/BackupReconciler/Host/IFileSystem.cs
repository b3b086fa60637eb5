namespace BackupReconciler.Host;

/// <summary>
/// The file system port, with Windows paths (<c>C:\Program Files\...</c>) and Windows semantics:
/// names compare case-insensitively.
/// </summary>
public interface IFileSystem
{
    /// <summary>
    /// Whether this host's files can be looked at. A snapshot without a file tree cannot; checks that
    /// need files are then skipped, because "cannot see" must never read as "missing".
    /// </summary>
    bool CanSeeFiles { get; }

    /// <summary>Whether a file (not a folder) exists at an absolute path with a drive letter.</summary>
    bool FileExists(string windowsPath);
}
