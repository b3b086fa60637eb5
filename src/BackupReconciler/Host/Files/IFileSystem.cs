namespace BackupReconciler.Host.Files;

/// <summary>
/// The file system port, with Windows paths (<c>C:\Program Files\...</c>) and Windows semantics:
/// names compare case-insensitively. Every call fails with <see cref="HostOperationException"/>
/// when the host cannot do it; none of them interprets what the files mean.
/// </summary>
public interface IFileSystem
{
    /// <summary>
    /// Whether this host's files can be looked at. A snapshot without a file tree cannot; checks that
    /// need files are then skipped, because "cannot see" must never read as "missing".
    /// </summary>
    bool CanSeeFiles { get; }

    /// <summary>The host's "now", against which file ages are measured (never the process's own clock).</summary>
    DateTimeOffset Now { get; }

    /// <summary>Whether a file (not a folder) exists at an absolute path with a drive letter.</summary>
    bool FileExists(string windowsPath);

    /// <summary>
    /// The whole content of a file, or null when there is no file at that path. A folder at the
    /// path, or a file larger than <paramref name="maxBytes"/>, is a failure: no caller wants either read.
    /// </summary>
    byte[]? ReadFile(string windowsPath, long maxBytes);

    /// <summary>
    /// Creates or replaces a file atomically, creating missing folders: a failure at any moment,
    /// including inside <paramref name="write"/>, leaves the previous content (or no file) in place.
    /// </summary>
    void WriteFile(string windowsPath, Action<Stream> write);

    /// <summary>
    /// The files directly in a folder (not in its subfolders) whose names match a pattern of
    /// <c>*</c> and <c>?</c>, ignoring case, with what one directory listing tells about each; null
    /// when the folder does not exist. Hidden and system files are included.
    /// </summary>
    IReadOnlyList<FileEntry>? ListFiles(string folderWindowsPath, string pattern);

    /// <summary>
    /// Deletes one file. A file that another process holds open, or that is read-only, is not deleted
    /// and says so in the result, because callers skip such files rather than fail; anything else
    /// that prevents the deletion throws.
    /// </summary>
    FileDeletion DeleteFile(string windowsPath);
}
