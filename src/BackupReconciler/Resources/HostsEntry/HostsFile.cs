using System.Net;
using System.Text;
using BackupReconciler.Host;

namespace BackupReconciler.Resources.HostsEntry;

/// <summary>
/// A hosts file as lines, each with its own line ending, so that writing it back changes nothing but
/// the edited lines. Bytes are read as Latin-1, which maps every byte to one character and back:
/// a comment in the machine's ANSI code page survives untouched, and names and addresses are ASCII.
/// </summary>
public sealed class HostsFile
{
    /// <summary>Even block lists with hundreds of thousands of names stay far below this.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly bool _bom;
    private readonly List<HostsLine> _lines;

    private HostsFile(bool bom, List<HostsLine> lines)
    {
        _bom = bom;
        _lines = lines;
    }

    /// <summary>The line ending new lines get: the file's first one, else Windows'.</summary>
    private string NewLine => _lines.FirstOrDefault(l => l.Ending.Length > 0)?.Ending ?? "\r\n";

    public static HostsFile Empty() => new(false, []);

    public static HostsFile Parse(string windowsPath, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new HostOperationException($"{windowsPath} is saved as UTF-16, which Windows does not read in a hosts file; save it as ANSI or UTF-8 by hand. The file is left as it is.");
        }

        var bom = bytes.AsSpan().StartsWith(Utf8Bom);
        var text = Encoding.Latin1.GetString(bytes, bom ? Utf8Bom.Length : 0, bytes.Length - (bom ? Utf8Bom.Length : 0));
        var lines = new List<HostsLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newLine = text.IndexOf('\n', start);
            if (newLine < 0)
            {
                lines.Add(new HostsLine(text[start..], ""));
                break;
            }

            var contentEnd = newLine > start && text[newLine - 1] == '\r' ? newLine - 1 : newLine;
            lines.Add(new HostsLine(text[start..contentEnd], text[contentEnd..(newLine + 1)]));
            start = newLine + 1;
        }

        return new HostsFile(bom, lines);
    }

    public static bool SameAddress(string written, IPAddress address) =>
        IPAddress.TryParse(written, out var parsed) ? parsed.Equals(address) : written.Equals(address.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The addresses of every line that maps <paramref name="hostname"/>, in file order.</summary>
    public IReadOnlyList<string> AddressesOf(string hostname) =>
        _lines.Where(l => l.Maps(hostname)).Select(l => l.Address!).ToList();

    /// <summary>The file with <paramref name="hostname"/> mapped to <paramref name="address"/> only (see the resource's remarks).</summary>
    public HostsFile WithEntry(string hostname, IPAddress address)
    {
        var desired = address.ToString();
        var placed = _lines.Any(l => l.Maps(hostname) && SameAddress(l.Address!, address));
        var lines = new List<HostsLine>();
        foreach (var line in _lines)
        {
            if (!line.Maps(hostname) || SameAddress(line.Address!, address))
            {
                lines.Add(line);
            }
            else if (line.MapsOnly(hostname))
            {
                if (!placed)
                {
                    lines.Add(line.WithAddress(desired));
                    placed = true;
                }
            }
            else
            {
                lines.Add(line.WithoutName(hostname));
                if (!placed)
                {
                    lines.Add(new HostsLine($"{desired} {hostname}", line.Ending.Length > 0 ? line.Ending : NewLine));
                    placed = true;
                }
            }
        }

        if (!placed)
        {
            if (lines.Count > 0 && lines[^1].Ending.Length == 0)
            {
                lines[^1] = lines[^1] with { Ending = NewLine };
            }

            lines.Add(new HostsLine($"{desired} {hostname}", NewLine));
        }

        return new HostsFile(_bom, lines);
    }

    public byte[] Encode()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.Append(line.Content).Append(line.Ending);
        }

        var bytes = Encoding.Latin1.GetBytes(text.ToString());
        return _bom ? [.. Utf8Bom, .. bytes] : bytes;
    }
}
