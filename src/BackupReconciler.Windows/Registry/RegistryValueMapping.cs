using System.Runtime.Versioning;
using BackupReconciler.Host.Registry;
using Microsoft.Win32;
using NativeKind = Microsoft.Win32.RegistryValueKind;
using PortKind = BackupReconciler.Host.Registry.RegistryValueKind;

namespace BackupReconciler.Windows.Registry;

/// <summary>
/// The exact mapping between the port's value kinds and the registry's: DWORD and QWORD are
/// unsigned (Microsoft.Win32 hands them out as int and long), REG_EXPAND_SZ is read as stored,
/// never expanded, so "%SystemRoot%" compares as written in a baseline, and every other type is
/// kept as its number and bytes.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class RegistryValueMapping
{
    private const uint RegSz = 1;
    private const uint RegExpandSz = 2;
    private const uint RegBinary = 3;
    private const uint RegDword = 4;
    private const uint RegMultiSz = 7;
    private const uint RegQword = 11;

    /// <summary>
    /// The value, or null when it vanished while the key was read. Its type number and bytes come from
    /// RegQueryValueEx, so no value reads as absent: a value of a kind outside the six (REG_NONE,
    /// REG_DWORD_BIG_ENDIAN, REG_LINK, the resource lists, any other number), or a DWORD or QWORD whose
    /// data is not 4 or 8 bytes, is <see cref="PortKind.Other"/> with its number and bytes, so drift shows
    /// it, the journal records it and undo writes it back exactly. Strings are decoded as
    /// Microsoft.Win32 decodes them, which its writes round-trip.
    /// </summary>
    public static RegistryValue? Read(RegistryKey key, string name)
    {
        if (RegistryNative.Query(key.Handle, name) is not { } raw)
        {
            return null;
        }

        var (type, bytes) = raw;
        switch (type)
        {
            case RegBinary:
                return RegistryValue.Binary(bytes);
            case RegDword when bytes.Length == 4:
                return RegistryValue.DWord(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes));
            case RegQword when bytes.Length == 8:
                return RegistryValue.QWord(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            case RegSz or RegExpandSz or RegMultiSz:
                var data = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
                return (type, data) switch
                {
                    (RegSz, string text) => RegistryValue.String(text),
                    (RegExpandSz, string text) => RegistryValue.ExpandString(text),
                    (RegMultiSz, string[] lines) => RegistryValue.MultiString(lines),
                    (_, null) => null, // deleted between the two reads
                    _ => RegistryValue.Other(type, bytes),
                };
            default:
                return RegistryValue.Other(type, bytes);
        }
    }

    /// <summary>Writes the value with its exact kind: the six through Microsoft.Win32, any other type number and its bytes through RegSetValueEx.</summary>
    public static void Write(RegistryKey key, string name, RegistryValue value)
    {
        if (value.Kind == PortKind.Other)
        {
            RegistryNative.Set(key.Handle, name, value.TypeNumber, value.Bytes!.ToArray());
            return;
        }

        var (data, kind) = ToNative(value);
        key.SetValue(name, data, kind);
    }

    /// <summary>The data and kind that <see cref="RegistryKey.SetValue(string?, object, NativeKind)"/> takes.</summary>
    private static (object Data, NativeKind Kind) ToNative(RegistryValue value) => value.Kind switch
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
