using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Built-in rules store their names as indirect strings (<c>@FirewallAPI.dll,-28539</c>); Windows shows,
/// and FwPolicy2 matches, the text they point to, in the system's language. Resolved with
/// SHLoadIndirectString, each distinct string once; one that cannot be resolved stays as stored.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class IndirectStrings
{
    private const int BufferLength = 1024;

    public static string Resolve(string text)
    {
        if (!text.StartsWith('@'))
        {
            return text;
        }

        var buffer = new char[BufferLength];
        return SHLoadIndirectString(text, buffer, (uint)buffer.Length, IntPtr.Zero) == 0
            ? new string(buffer, 0, Array.IndexOf(buffer, '\0') is var end and >= 0 ? end : buffer.Length)
            : text;
    }

    [LibraryImport("shlwapi.dll", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int SHLoadIndirectString(string source, [Out] char[] outBuffer, uint outBufferLength, IntPtr reserved);
}
