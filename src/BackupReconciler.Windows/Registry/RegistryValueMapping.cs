using System.Runtime.Versioning;
using BackupReconciler.Host;
using Microsoft.Win32;
using NativeKind = Microsoft.Win32.RegistryValueKind;
using PortKind = BackupReconciler.Host.RegistryValueKind;

namespace BackupReconciler.Windows.Registry;

/// <summary>
/// The exact mapping between the port's six value kinds and the registry's: DWORD and QWORD are
/// unsigned (Microsoft.Win32 hands them out as int and long), and REG_EXPAND_SZ is read as stored,
/// never expanded, so "%SystemRoot%" compares as written in a baseline.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class RegistryValueMapping
{
    /// <summary>HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND): the value was deleted after the names were listed.</summary>
    private const int FileNotFound = unchecked((int)0x80070002);

    /// <summary>
    /// The value, or null when it vanished while the key was read or is of a kind no baseline can
    /// declare (REG_NONE, REG_LINK, resource lists): to the port such a value is not there, and
    /// writing the declared kind over it is exactly the fix.
    /// </summary>
    public static RegistryValue? Read(RegistryKey key, string name)
    {
        NativeKind kind;
        try
        {
            kind = key.GetValueKind(name);
        }
        catch (IOException e) when (e.HResult == FileNotFound)
        {
            return null;
        }

        var data = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        return (kind, data) switch
        {
            (NativeKind.String, string text) => RegistryValue.String(text),
            (NativeKind.ExpandString, string text) => RegistryValue.ExpandString(text),
            (NativeKind.MultiString, string[] lines) => RegistryValue.MultiString(lines),
            (NativeKind.Binary, byte[] bytes) => RegistryValue.Binary(bytes),
            (NativeKind.DWord, int number) => RegistryValue.DWord(unchecked((uint)number)),
            (NativeKind.QWord, long number) => RegistryValue.QWord(unchecked((ulong)number)),
            _ => null,
        };
    }

    /// <summary>The data and kind that <see cref="RegistryKey.SetValue(string?, object, NativeKind)"/> takes.</summary>
    public static (object Data, NativeKind Kind) ToNative(RegistryValue value) => value.Kind switch
    {
        PortKind.String => (value.Text!, NativeKind.String),
        PortKind.ExpandString => (value.Text!, NativeKind.ExpandString),
        PortKind.MultiString => (value.Lines!.ToArray(), NativeKind.MultiString),
        PortKind.Binary => (value.Bytes!.ToArray(), NativeKind.Binary),
        PortKind.DWord => (unchecked((int)(uint)value.Number), NativeKind.DWord),
        PortKind.QWord => (unchecked((long)value.Number), NativeKind.QWord),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "not a registry value kind"),
    };
}
