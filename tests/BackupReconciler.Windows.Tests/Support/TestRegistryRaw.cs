using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32;
using Microsoft.Win32.SafeHandles;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>A registry value's type and bytes exactly as stored, below Microsoft.Win32's typed view (RegQueryValueExW, RegSetValueExW).</summary>
[SupportedOSPlatform("windows")]
internal static partial class TestRegistryRaw
{
    public static (uint Type, byte[] Bytes) Read(string subKey, string name)
    {
        using var key = Open(subKey, writable: false);
        uint size = 0;
        Check(RegQueryValueEx(key.Handle, name, IntPtr.Zero, out _, null, ref size));
        var bytes = new byte[size];
        Check(RegQueryValueEx(key.Handle, name, IntPtr.Zero, out var type, bytes, ref size));
        return (type, bytes[..(int)size]);
    }

    public static void Write(string subKey, string name, uint type, byte[] bytes)
    {
        using var key = Open(subKey, writable: true);
        Check(RegSetValueEx(key.Handle, name, 0, type, bytes, (uint)bytes.Length));
    }

    private static RegistryKey Open(string subKey, bool writable)
    {
        using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        return (writable ? hive.CreateSubKey(subKey, writable: true) : hive.OpenSubKey(subKey))
            ?? throw new InvalidOperationException($"HKLM\\{subKey} is missing");
    }

    private static void Check(int error)
    {
        if (error != 0)
        {
            throw new System.ComponentModel.Win32Exception(error);
        }
    }

    [LibraryImport("advapi32.dll", EntryPoint = "RegQueryValueExW", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int RegQueryValueEx(SafeRegistryHandle key, string name, IntPtr reserved, out uint type, [Out] byte[]? data, ref uint size);

    [LibraryImport("advapi32.dll", EntryPoint = "RegSetValueExW", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int RegSetValueEx(SafeRegistryHandle key, string name, uint reserved, uint type, byte[] data, uint size);
}
