using System.Globalization;
using System.Runtime.InteropServices;

namespace BackupReconciler.Input;

/// <summary>
/// Opens an input file (baseline, include, variables, snapshot, saved plan) only when it is a regular
/// file, and reads at most a limit of bytes, counted while reading: a device, FIFO or socket is refused
/// before it is opened (opening a FIFO blocks, /dev/zero never ends), and a file that grows or lies
/// about its length cannot take more memory than the limit.
/// </summary>
public static class InputFile
{
    public static byte[] ReadBounded(string path, long maxBytes)
    {
        if (Kind(path) is { } kind)
        {
            throw new InputException(SourceLocation.OfFile(path),
                $"this is {kind}, not a regular file, so it was not read; give the path of a JSON file.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

            // The size the file has now, read into an array of that size (a snapshot is a megabyte); a file that
            // grows meanwhile, or one whose size the system does not tell (a pipe), goes on in chunks.
            var expected = stream.CanSeek ? (int)Math.Min(stream.Length, maxBytes) : 0;
            var whole = new byte[expected];
            var filled = 0;
            while (filled < expected && stream.Read(whole, filled, expected - filled) is var got and > 0)
            {
                filled += got;
            }

            var probe = new byte[4096];
            var more = filled == expected ? stream.Read(probe, 0, probe.Length) : 0;
            if (more == 0)
            {
                return filled == expected ? whole : whole[..filled];
            }

            var buffer = new MemoryStream();
            buffer.Write(whole, 0, filled);
            buffer.Write(probe, 0, more);
            var chunk = new byte[64 * 1024];
            int read;
            while (buffer.Length <= maxBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length > maxBytes)
            {
                throw new InputException(SourceLocation.OfFile(path),
                    string.Create(CultureInfo.InvariantCulture, $"the file is more than the {maxBytes:N0} bytes allowed; this is not a file this tool writes or expects."));
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourceLocation.OfFile(path), $"the file cannot be read ({e.Message}); check that it exists and is readable.");
        }
    }

    /// <summary>
    /// What the path is when it is not a regular file ("a FIFO (named pipe)", "a character device"...), following
    /// links; null for a regular file or a path that does not exist.
    /// </summary>
    public static string? Kind(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder";
        }

        if (OperatingSystem.IsWindows())
        {
            // Device names (\\.\PhysicalDrive0, NUL, CON) and named pipes (\\.\pipe\x) are not files on Windows.
            var full = path.Replace('/', '\\');
            var name = Path.GetFileNameWithoutExtension(full).ToUpperInvariant();
            return full.StartsWith(@"\\.\", StringComparison.Ordinal) || full.StartsWith(@"\\?\GLOBALROOT", StringComparison.OrdinalIgnoreCase)
                || name is "NUL" or "CON" or "PRN" or "AUX" or "CONIN$" or "CONOUT$" || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && char.IsAsciiDigit(name[3]))
                ? "a device"
                : null;
        }

        if (!OperatingSystem.IsLinux())
        {
            return null; // elsewhere the bounded read still keeps a device from taking more than the limit
        }

        var buffer = new byte[256];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            return null; // missing or unreadable: the open that follows says which
        }

        return (BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask) switch
        {
            RegularFile => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>
    /// The path with every symbolic link along it resolved (as realpath does), so that a folder check
    /// judges where a file really is: a link inside a folder may point anywhere. Parts that do not exist
    /// are kept as they are.
    /// </summary>
    public static string RealPath(string path)
    {
        var pending = new Queue<string>(SplitParts(Path.GetFullPath(path), out var resolved));
        for (var hops = 0; pending.Count > 0;)
        {
            var candidate = Path.Combine(resolved, pending.Dequeue());
            var info = new FileInfo(candidate);
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40)
                {
                    throw new InputException(SourceLocation.OfFile(path), "the path goes through more than 40 symbolic links (a loop); correct the links.");
                }

                var rest = pending.ToList();
                var absolute = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(resolved, target));
                pending = new Queue<string>(SplitParts(absolute, out resolved).Concat(rest));
                continue;
            }

            resolved = candidate;
        }

        return resolved;
    }

    private static string[] SplitParts(string full, out string root)
    {
        root = Path.GetPathRoot(full)!;
        return full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it; a name that merely starts with ".." (..foo.json) is below.</summary>
    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first != ".." && !Path.IsPathRooted(relative);
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x0001;

    /// <summary>struct statx has the same layout on every Linux architecture (unlike struct stat): stx_mode is a u16 at byte 28.</summary>
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
