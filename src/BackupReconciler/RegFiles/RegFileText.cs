using System.Text;
using BackupReconciler.Input;

namespace BackupReconciler.RegFiles;

/// <summary>
/// A .reg file's bytes as text: UTF-16 LE with BOM (what regedit writes), UTF-16 BE or UTF-8 with BOM, and
/// without a BOM UTF-8 — or, for REGEDIT4 files that are not valid UTF-8, Windows-1252, the ANSI code page
/// regedit used for them on Western systems.
/// </summary>
public static class RegFileText
{
    /// <summary>A .reg file of Microsoft's is a few kilobytes; an export of a whole hive is not something to turn into a baseline.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    public static string Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputException(null, $"{path}: there is no such file; give the path of a .reg file.");
            }

            if (info.Length > MaxBytes)
            {
                throw new InputException(SourceLocation.OfFile(path), $"the file is {info.Length:N0} bytes, more than the {MaxBytes:N0} a .reg file to import may have; export only the keys the baseline needs.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourceLocation.OfFile(path), $"cannot read the file ({e.Message}).");
        }

        return Decode(bytes, path);
    }

    public static string Decode(byte[] bytes, string path)
    {
        if (bytes is [0xFF, 0xFE, ..])
        {
            return Strict(new UnicodeEncoding(false, false, true), bytes.AsSpan(2), path, "UTF-16 LE");
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Strict(new UnicodeEncoding(true, false, true), bytes.AsSpan(2), path, "UTF-16 BE");
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Strict(new UTF8Encoding(false, true), bytes.AsSpan(3), path, "UTF-8");
        }

        if (bytes.Length >= 2 && bytes[1] == 0 && bytes[0] != 0)
        {
            throw new InputException(SourceLocation.OfFile(path), "the file looks like UTF-16 without its byte order mark; save it again with regedit or as \"Unicode\" in Notepad.");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252(bytes);
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string path, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(SourceLocation.OfFile(path), $"the file says it is {name} but holds bytes that are not; save it again with regedit.");
        }
    }

    /// <summary>Windows-1252 is Latin-1 but for 0x80–0x9F (five of which it leaves unassigned, kept as the C1 controls).</summary>
    private static readonly char[] High1252 =
        "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ".ToCharArray();

    private static string Windows1252(byte[] bytes) =>
        string.Create(bytes.Length, bytes, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = source[i] is >= 0x80 and <= 0x9F ? High1252[source[i] - 0x80] : (char)source[i];
            }
        });
}
