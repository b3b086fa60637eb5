using System.Buffers;
using BackupReconciler.Host;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// The snapshot's <c>fileSystemRoot</c>: a real folder (relative to the snapshot file) standing for
/// the host's drives, so that <c>C:\Program Files\X\a.json</c> is <c>&lt;root&gt;/C/Program Files/X/a.json</c>.
/// Each segment is matched case-insensitively, as on Windows, even on a case-sensitive disk. Nothing
/// outside the root is ever reached: <c>..</c> segments and symbolic links are refused.
/// </summary>
public sealed class SnapshotFileSystem : IFileSystem
{
    private static readonly SearchValues<char> InvalidNameCharacters = SearchValues.Create("<>:\"|?*\0");

    private readonly string? _root;
    private readonly FaultInjector _faults;

    public SnapshotFileSystem(string? root, FaultInjector faults)
    {
        _root = root;
        _faults = faults;
    }

    public bool CanSeeFiles => _root is not null;

    /// <summary>Reads the <c>fileSystemRoot</c> member: a folder that must exist, relative to the snapshot file.</summary>
    public static SnapshotFileSystem Load(JToken? member, string snapshotPath, FaultInjector faults)
    {
        if (member is null)
        {
            return new SnapshotFileSystem(null, faults);
        }

        var location = JsonObjectReader.Locate(member, snapshotPath);
        if (member.Type != JTokenType.String || member.Value<string>() is not { Length: > 0 } relative)
        {
            throw new InputException(location, $"\"fileSystemRoot\" must be the name of a folder beside the snapshot, such as \"dpm01-files\"; found {JsonObjectReader.Describe(member)}.");
        }

        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(snapshotPath))!, relative));
        return Directory.Exists(root)
            ? new SnapshotFileSystem(root, faults)
            : throw new InputException(location, $"\"fileSystemRoot\" is \"{relative}\", but {root} is not a folder; create it (a folder per drive letter inside, such as C) or remove \"fileSystemRoot\".");
    }

    public bool FileExists(string windowsPath)
    {
        _faults.Check(FaultOperation.Read, "file:" + windowsPath);
        return Resolve(windowsPath) is { } found && File.Exists(found);
    }

    /// <summary>The real path that a Windows path stands for, or null when a segment does not exist.</summary>
    private string? Resolve(string windowsPath)
    {
        if (_root is null)
        {
            throw new HostOperationException("this snapshot has no \"fileSystemRoot\", so the host's files cannot be seen.");
        }

        var segments = Split(windowsPath);
        var current = _root;
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
