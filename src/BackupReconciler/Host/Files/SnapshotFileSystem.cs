using System.Buffers;
using System.Globalization;
using System.IO.Enumeration;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Host.Files;

/// <summary>
/// The snapshot's <c>fileSystemRoot</c>: a real folder (relative to the snapshot file) standing for
/// the host's drives, so that <c>C:\Program Files\X\a.json</c> is <c>&lt;root&gt;/C/Program Files/X/a.json</c>.
/// Each segment is matched case-insensitively, as on Windows, even on a case-sensitive disk. Nothing
/// outside the root is ever reached: <c>..</c> segments and symbolic links are refused. Real I/O
/// errors surface as <see cref="HostOperationException"/>, as the live host's do.
/// </summary>
public sealed class SnapshotFileSystem : IFileSystem
{
    private static readonly SearchValues<char> InvalidNameCharacters = SearchValues.Create("<>:\"|?*\0");

    private static readonly EnumerationOptions TopFolderOnly = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        // Windows lists hidden and system files too, and a tool counting them (the MARS agent) sees them.
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    /// <summary><c>file:&lt;path&gt;</c>, checked by the file tree and by the access rules of its paths.</summary>
    public static readonly FaultKind Faults = FaultKind.Named("file", "path", 5);

    private readonly string? _root;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _clock;

    public SnapshotFileSystem(string? root, FaultInjector faults, TimeProvider clock)
    {
        _root = root;
        _faults = faults;
        _clock = clock;
    }

    public bool CanSeeFiles => _root is not null;

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Reads the <c>fileSystemRoot</c> member: a folder that must exist, relative to the snapshot file.</summary>
    public static SnapshotFileSystem Load(JsonItem? member, string snapshotPath, FaultInjector faults, TimeProvider clock)
    {
        if (member is null)
        {
            return new SnapshotFileSystem(null, faults, clock);
        }

        var location = JsonObjectReader.Locate(member, snapshotPath);
        if (member is not JsonStringItem { Value: { Length: > 0 } relative })
        {
            throw new InputException(location, $"\"fileSystemRoot\" must be the name of a folder beside the snapshot, such as \"dpm01-files\"; found {JsonObjectReader.Describe(member)}.");
        }

        var beside = Path.GetDirectoryName(Path.GetFullPath(snapshotPath))!;
        var root = Path.GetFullPath(Path.Combine(beside, relative.Replace('\\', '/')));
        if (Path.IsPathRooted(relative) || relative.StartsWith('\\') || (relative.Length >= 2 && relative[1] == ':')
            || !InputFile.IsInside(InputFile.RealPath(root), InputFile.RealPath(beside)) || InputFile.RealPath(root) == InputFile.RealPath(beside))
        {
            // Apply edits files under the root: a root outside the snapshot's folder would let a snapshot aim apply anywhere.
            throw new InputException(location, $"\"fileSystemRoot\" is \"{relative}\", which is not a folder inside the snapshot's folder ({beside}); give the name of a folder beside the snapshot, such as \"dpm01-files\".");
        }

        return Directory.Exists(root)
            ? new SnapshotFileSystem(root, faults, clock)
            : throw new InputException(location, $"\"fileSystemRoot\" is \"{relative}\", but {root} is not a folder; create it (a folder per drive letter inside, such as C) or remove \"fileSystemRoot\".");
    }

    public bool FileExists(string windowsPath)
    {
        _faults.Check(FaultOperation.Read, Faults.Target(windowsPath));
        return Resolve(windowsPath) is { } found && File.Exists(found);
    }

    public byte[]? ReadFile(string windowsPath, long maxBytes)
    {
        _faults.Check(FaultOperation.Read, Faults.Target(windowsPath));
        if (Resolve(windowsPath) is not { } found)
        {
            return null;
        }

        return Guard(windowsPath, () =>
        {
            if (Directory.Exists(found))
            {
                throw new HostOperationException($"{windowsPath} is a folder, not a file.");
            }

            var length = new FileInfo(found).Length;
            return length > maxBytes
                ? throw new HostOperationException($"{windowsPath} is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than the {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} this tool reads from such a file; it is not the file the baseline means.")
                : File.ReadAllBytes(found);
        });
    }

    /// <summary>
    /// A <c>set</c> fault on the file fails the write after the new content is in the temporary file
    /// and before the rename: the last moment a crash could strike, so tests show the old file survives it.
    /// </summary>
    public void WriteFile(string windowsPath, Action<Stream> write)
    {
        var target = ResolveForWriting(windowsPath);
        Guard(windowsPath, () =>
        {
            // Windows' File.Replace refuses a read-only destination; a rename on Linux would replace it silently.
            if (File.Exists(target) && (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0)
            {
                throw new HostOperationException($"{windowsPath}: access to the path is denied, the file is read-only (Windows refuses to replace it); clear its read-only attribute if it should be managed.");
            }

            AtomicFile.Write(target, stream =>
            {
                write(stream);
                _faults.Check(FaultOperation.Set, Faults.Target(windowsPath));
            });
            return true;
        });
    }

    public IReadOnlyList<FileEntry>? ListFiles(string folderWindowsPath, string pattern)
    {
        _faults.Check(FaultOperation.Read, Faults.Target(folderWindowsPath));
        if (pattern.Length == 0 || pattern.AsSpan().IndexOfAny('\\', '/') >= 0)
        {
            throw new HostOperationException($"\"{pattern}\" is not a file name pattern; give a name with * and ? only, such as *.tmp.");
        }

        if (Resolve(folderWindowsPath) is not { } folder)
        {
            return null;
        }

        return Guard(folderWindowsPath, () =>
        {
            if (!Directory.Exists(folder))
            {
                throw new HostOperationException($"{folderWindowsPath} is a file, not a folder.");
            }

            // One listing: everything the caller needs comes from the directory entries themselves.
            var entries = new FileSystemEnumerable<FileEntry>(
                folder,
                (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0
                    ? throw new HostOperationException($"{folderWindowsPath}\\{entry.FileName}: {entry.ToFullPath()} is a symbolic link; the snapshot host does not follow links, so that nothing outside fileSystemRoot is read.")
                    : new FileEntry(entry.FileName.ToString(), entry.Length, entry.LastWriteTimeUtc, (entry.Attributes & FileAttributes.ReadOnly) != 0),
                TopFolderOnly)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                    !entry.IsDirectory && FileSystemName.MatchesSimpleExpression(pattern, entry.FileName, ignoreCase: true),
            };
            return entries.ToList();
        });
    }

    /// <summary>
    /// Windows refuses to delete a read-only file or one another process holds open; Linux would
    /// delete both. The snapshot refuses them as Windows does: a file a test holds open with a
    /// <see cref="FileStream"/> (which locks it) counts as in use.
    /// </summary>
    public FileDeletion DeleteFile(string windowsPath)
    {
        _faults.Check(FaultOperation.Set, Faults.Target(windowsPath));
        if (Resolve(windowsPath) is not { } found)
        {
            return FileDeletion.NotFound;
        }

        return Guard(windowsPath, () =>
        {
            if (Directory.Exists(found))
            {
                throw new HostOperationException($"{windowsPath} is a folder, not a file.");
            }

            if ((File.GetAttributes(found) & FileAttributes.ReadOnly) != 0)
            {
                return FileDeletion.ReadOnly;
            }

            try
            {
                using (new FileStream(found, FileMode.Open, FileAccess.Read, FileShare.None))
                {
                }

                File.Delete(found);
                return FileDeletion.Deleted;
            }
            catch (FileNotFoundException)
            {
                return FileDeletion.NotFound;
            }
            catch (IOException e) when (IsSharingViolation(e))
            {
                return FileDeletion.InUse;
            }
        });
    }

    /// <summary>Whether the path is a folder (true), a file (false), or does not exist (null); no fault applies, the caller checked its own.</summary>
    internal bool? IsFolder(string windowsPath) =>
        Resolve(windowsPath) is { } found ? Directory.Exists(found) : null;

    /// <summary>Windows' ERROR_SHARING_VIOLATION (32), or EWOULDBLOCK from the lock .NET takes on Linux (11) and macOS (35).</summary>
    private static bool IsSharingViolation(IOException e) =>
        (e.HResult & 0xFFFF) == 32 || e.HResult is 11 or 35;

    /// <summary>Real I/O errors become host failures naming the Windows path; injected and own failures pass as they are.</summary>
    private static T Guard<T>(string windowsPath, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (IOException e)
        {
            throw new HostOperationException($"{windowsPath}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new HostOperationException($"{windowsPath}: {e.Message}", e);
        }
    }

    /// <summary>The real path a file is written to: existing folders found ignoring case, missing ones created with the spelling given.</summary>
    private string ResolveForWriting(string windowsPath)
    {
        var segments = Split(windowsPath);
        if (segments.Count < 2)
        {
            throw new HostOperationException($"\"{windowsPath}\" names a drive, not a file.");
        }

        var current = RequireRoot();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.AsSpan().IndexOfAny(InvalidNameCharacters) >= 0)
            {
                throw new HostOperationException($"\"{windowsPath}\": the name \"{segment}\" contains a character Windows does not allow in file names.");
            }

            var entry = FindEntry(current, segment);
            if (entry?.LinkTarget is not null)
            {
                throw new HostOperationException($"{windowsPath}: {entry.FullName} is a symbolic link; the snapshot host does not follow links, so that nothing outside fileSystemRoot is changed.");
            }

            var last = i == segments.Count - 1;
            if (entry is null)
            {
                current = Path.Combine(current, segment);
                if (!last)
                {
                    Guard(windowsPath, () => Directory.CreateDirectory(current));
                }
            }
            else if (last ? entry is DirectoryInfo : entry is not DirectoryInfo)
            {
                throw new HostOperationException($"{windowsPath}: {(last ? "the path is a folder, not a file" : $"\"{segment}\" is a file, not a folder")}.");
            }
            else
            {
                current = entry.FullName;
            }
        }

        return current;
    }

    /// <summary>The real path that a Windows path stands for, or null when a segment does not exist.</summary>
    private string? Resolve(string windowsPath)
    {
        var segments = Split(windowsPath);
        var current = RequireRoot();
        foreach (var segment in segments)
        {
            if (segment.AsSpan().IndexOfAny(InvalidNameCharacters) >= 0)
            {
                return null; // Windows reports such a name as not found
            }

            var entry = FindEntry(current, segment);
            if (entry is null)
            {
                return null;
            }

            if (entry.LinkTarget is not null)
            {
                throw new HostOperationException($"{windowsPath}: {entry.FullName} is a symbolic link; the snapshot host does not follow links, so that nothing outside fileSystemRoot is read.");
            }

            current = entry.FullName;
        }

        return current;
    }

    private string RequireRoot() =>
        _root ?? throw new HostOperationException("this snapshot has no \"fileSystemRoot\", so the host's files cannot be seen.");

    /// <summary>The drive letter and the names below it: <c>C:\a\b</c> gives C, a, b.</summary>
    private static List<string> Split(string windowsPath)
    {
        var path = windowsPath.Replace('/', '\\');
        if (path.Length < 3 || !char.IsAsciiLetter(path[0]) || path[1] != ':' || path[2] != '\\')
        {
            throw new HostOperationException($"\"{windowsPath}\" is not an absolute path with a drive letter, such as C:\\Program Files\\App\\file.json.");
        }

        var segments = new List<string> { path[..1].ToUpperInvariant() };
        foreach (var segment in path[3..].Split('\\', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                throw new HostOperationException($"\"{windowsPath}\" contains \"..\"; give the path without it (the snapshot host refuses paths that could leave fileSystemRoot).");
            }

            if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    /// <summary>
    /// The entry of <paramref name="folder"/> whose name equals <paramref name="name"/> ignoring case.
    /// A case-sensitive disk may hold several; the exact spelling wins, then the first in ordinal order,
    /// so the answer never depends on directory enumeration order.
    /// </summary>
    private static FileSystemInfo? FindEntry(string folder, string name)
    {
        // The exact spelling wins anyway, so look for it first: one lookup instead of a listing of a
        // folder that may hold 100,000 temporary files.
        var exact = Path.Combine(folder, name);
        if (Directory.Exists(exact))
        {
            return new DirectoryInfo(exact);
        }

        if (File.Exists(exact))
        {
            return new FileInfo(exact);
        }

        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
        {
            return null;
        }

        var matches = directory.EnumerateFileSystemInfos()
            .Where(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return matches.FirstOrDefault(e => e.Name.Equals(name, StringComparison.Ordinal)) ?? matches.FirstOrDefault();
    }
}
