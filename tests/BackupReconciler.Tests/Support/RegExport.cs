using System.Globalization;
using System.Text;
using BackupReconciler.Host.Registry;
using BackupReconciler.RegFiles;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// Writes registry keys as regedit exports them (written here, apart from the importer, so each checks the
/// other): strings quoted with \\ and \" escaped, dword:%08x, hex:/hex(2)/hex(7)/hex(b) bytes wrapped at 80
/// columns with a trailing backslash and two spaces, deletions as =-.
/// </summary>
public static class RegExport
{
    public static string Write(IEnumerable<(string Key, IEnumerable<(string Name, RegistryValue? Value)> Values)> keys, RegFileFormat format, string newline = "\r\n")
    {
        var text = new StringBuilder(format == RegFileFormat.Version5 ? "Windows Registry Editor Version 5.00" : "REGEDIT4");
        text.Append(newline);
        foreach (var (key, values) in keys)
        {
            text.Append(newline).Append('[').Append(key.Replace("HKLM\\", "HKEY_LOCAL_MACHINE\\", StringComparison.Ordinal)).Append(']').Append(newline);
            foreach (var (name, value) in values)
            {
                var head = name.Length == 0 ? "@=" : $"\"{Escape(name)}\"=";
                text.Append(value is null ? head + "-" : head + Data(value, format, head.Length, newline)).Append(newline);
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Data(RegistryValue value, RegFileFormat format, int column, string newline)
    {
        var encoding = format == RegFileFormat.Version5 ? Encoding.Unicode : Encoding.Latin1;
        return value.Kind switch
        {
            RegistryValueKind.String => $"\"{Escape(value.Text!)}\"",
            RegistryValueKind.DWord => "dword:" + value.Number.ToString("x8", CultureInfo.InvariantCulture),
            RegistryValueKind.Binary => Hex("hex:", [.. value.Bytes!], column, newline),
            RegistryValueKind.ExpandString => Hex("hex(2):", encoding.GetBytes(value.Text! + "\0"), column, newline),
            RegistryValueKind.MultiString => Hex("hex(7):", encoding.GetBytes(string.Concat(value.Lines!.Select(l => l + "\0")) + "\0"), column, newline),
            _ => Hex("hex(b):", BitConverter.GetBytes(value.Number), column, newline),
        };
    }

    private static string Hex(string prefix, byte[] bytes, int column, string newline)
    {
        var text = new StringBuilder(prefix);
        var width = column + prefix.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            var part = bytes[i].ToString("x2", CultureInfo.InvariantCulture) + (i + 1 < bytes.Length ? "," : "");
            if (width + part.Length > 79 && i + 1 < bytes.Length)
            {
                text.Append('\\').Append(newline).Append("  ");
                width = 2;
            }

            text.Append(part);
            width += part.Length;
        }

        return text.ToString();
    }
}
