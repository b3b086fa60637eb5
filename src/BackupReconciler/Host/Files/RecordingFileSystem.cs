using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Files;

/// <summary>
/// Passes file reads through without recording them: a snapshot holds files only as a real folder tree
/// (<c>fileSystemRoot</c>), which a capture does not build, so checks on file content are skipped or fail
/// when the snapshot is audited ("cannot see files"), never reported as missing files.
/// </summary>
internal sealed class RecordingFileSystem(IFileSystem inner) : IFileSystem
{
    public bool CanSeeFiles => inner.CanSeeFiles;

    public DateTimeOffset Now => inner.Now;

    public bool FileExists(string windowsPath) => inner.FileExists(windowsPath);

    public byte[]? ReadFile(string windowsPath, long maxBytes) => inner.ReadFile(windowsPath, maxBytes);

    public IReadOnlyList<FileEntry>? ListFiles(string folderWindowsPath, string pattern) => inner.ListFiles(folderWindowsPath, pattern);

    public void WriteFile(string windowsPath, Action<Stream> write) => throw CaptureOnly.Refuse("write a file");

    public FileDeletion DeleteFile(string windowsPath) => throw CaptureOnly.Refuse("delete a file");
}
