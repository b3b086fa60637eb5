using System.IO.Enumeration;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.Files;

namespace BackupReconciler.Windows.Files;

/// <summary>
/// The file system port on the live machine: System.IO, whose Windows semantics (names ignore case, a
/// read-only attribute that stops deletion, sharing violations) are the port's. Writes are atomic: a
/// temporary file beside the target, flushed, then File.Replace over an existing file (which keeps the
/// target's access rules, owner and attributes) or a move when the file is new. Every call is bounded.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsFileSystem : IFileSystem
{
    private static readonly EnumerationOptions TopFolderOnly = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        // Windows counts hidden and system files too, and so does a tool counting them (the MARS agent).
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    public WindowsFileSystem(TimeSpan? timeout = null, TimeProvider? clock = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
        _clock = clock ?? TimeProvider.System;
    }

    public bool CanSeeFiles => true;

    public DateTimeOffset Now => _clock.GetUtcNow();

    public bool FileExists(string windowsPath) =>
        Call($"looking for {windowsPath}", windowsPath, () => File.Exists(Absolute(windowsPath)));

    public byte[]? ReadFile(string windowsPath, long maxBytes) =>
        Call($"reading {windowsPath}", windowsPath, () =>
        {
            var path = Absolute(windowsPath);
            if (Directory.Exists(path))
            {
                throw new HostOperationException($"{windowsPath} is a folder, not a file.");
            }

            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > maxBytes)
            {
                throw new HostOperationException($"{windowsPath} is {stream.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes, more than the {maxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} this tool reads from such a file; it is not the file the baseline means.");
            }

            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            return content;
        });

    public void WriteFile(string windowsPath, Action<Stream> write) =>
        Call($"writing {windowsPath}", windowsPath, () =>
        {
            var path = Absolute(windowsPath);
            if (Directory.Exists(path))
            {
                throw new HostOperationException($"{windowsPath}: the path is a folder, not a file.");
            }

            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(path))
                {
                    // ReplaceFile keeps the target's security descriptor and attributes; a plain move would
                    // give the file the temporary file's inherited rules instead.
                    File.Replace(temporary, path, destinationBackupFileName: null, ignoreMetadataErrors: false);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return true;
        });

    public IReadOnlyList<FileEntry>? ListFiles(string folderWindowsPath, string pattern)
    {
        if (pattern.Length == 0 || pattern.AsSpan().IndexOfAny('\\', '/') >= 0)
        {
            throw new HostOperationException($"\"{pattern}\" is not a file name pattern; give a name with * and ? only, such as *.tmp.");
        }

        return Call($"listing {folderWindowsPath}", folderWindowsPath, () =>
        {
            var folder = Absolute(folderWindowsPath);
            if (!Directory.Exists(folder))
            {
                return File.Exists(folder) ? throw new HostOperationException($"{folderWindowsPath} is a file, not a folder.") : null;
            }

            // One pass over the directory: name, size, time and attributes all come from the listing itself.
            var entries = new FileSystemEnumerable<FileEntry>(
                folder,
                (ref FileSystemEntry entry) => new FileEntry(entry.FileName.ToString(), entry.Length, entry.LastWriteTimeUtc, (entry.Attributes & FileAttributes.ReadOnly) != 0),
                TopFolderOnly)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                    !entry.IsDirectory && FileSystemName.MatchesSimpleExpression(pattern, entry.FileName, ignoreCase: true),
            };
            return (IReadOnlyList<FileEntry>?)entries.ToList();
        });
    }

    public FileDeletion DeleteFile(string windowsPath) =>
        Call($"deleting {windowsPath}", windowsPath, () =>
        {
            var path = Absolute(windowsPath);
            if (Directory.Exists(path))
            {
                throw new HostOperationException($"{windowsPath} is a folder, not a file.");
            }

            if (!File.Exists(path))
            {
                return FileDeletion.NotFound;
            }

            // Windows refuses to delete a read-only file (ERROR_ACCESS_DENIED, like a missing right): ask first.
            if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                return FileDeletion.ReadOnly;
            }

            try
            {
                File.Delete(path);
                return File.Exists(path) ? FileDeletion.InUse : FileDeletion.Deleted;
            }
            catch (IOException e) when (FileErrors.IsInUse(e))
            {
                return FileDeletion.InUse;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return FileDeletion.NotFound;
            }
        });

    /// <summary>Only absolute paths with a drive letter: a relative path would resolve against this process's folder.</summary>
    private static string Absolute(string windowsPath)
    {
        var path = windowsPath.Replace('/', '\\');
        return path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '\\'
            ? path
            : throw new HostOperationException($"\"{windowsPath}\" is not an absolute path with a drive letter, such as C:\\Program Files\\App\\file.json.");
    }

    private T Call<T>(string what, string windowsPath, Func<T> call) =>
        HostCall.Run(what, _timeout, () =>
        {
            try
            {
                return call();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw FileErrors.From(windowsPath, e);
            }
        });
}
