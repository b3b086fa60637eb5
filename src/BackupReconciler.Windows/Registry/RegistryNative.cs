using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace BackupReconciler.Windows.Registry;

/// <summary>
/// RegQueryValueEx and RegSetValueEx, for what Microsoft.Win32.Registry cannot say: a value's exact type
/// number (it answers Unknown or None for REG_DWORD_BIG_ENDIAN, REG_LINK, the resource lists and any
/// other number) and its raw bytes (it answers null for REG_LINK and unknown types, and can write
/// only its own kinds).
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class RegistryNative
{
    public const int ErrorSuccess = 0;
    public const int ErrorFileNotFound = 2;
    public const int ErrorMoreData = 234;

    private const string Library = "advapi32.dll";

    /// <summary>The value's type number and raw bytes, or null when it does not exist (any more).</summary>
    public static (uint Type, byte[] Data)? Query(SafeRegistryHandle key, string name)
    {
        // Sized by a first call; grown again if the value grew in between (ERROR_MORE_DATA).
        uint size = 0;
        var error = RegQueryValueEx(key, name, IntPtr.Zero, out var type, null, ref size);
        while (true)
        {
            if (error == ErrorFileNotFound)
            {
                return null;
            }

            if (error != ErrorSuccess && error != ErrorMoreData)
            {
                throw Win32Failure.FromCode(error);
            }

            var data = new byte[size];
            var read = size;
            error = RegQueryValueEx(key, name, IntPtr.Zero, out type, data, ref read);
            if (error == ErrorSuccess)
            {
                return (type, read == size ? data : data[..(int)read]);
            }

            size = Math.Max(read, size * 2);
        }
    }

    public static void Set(SafeRegistryHandle key, string name, uint type, byte[] data)
    {
        var error = RegSetValueEx(key, name, 0, type, data, (uint)data.Length);
        if (error != ErrorSuccess)
        {
            throw Win32Failure.FromCode(error);
        }
    }

    [LibraryImport(Library, EntryPoint = "RegQueryValueExW", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int RegQueryValueEx(SafeRegistryHandle key, string name, IntPtr reserved, out uint type, byte[]? data, ref uint size);

    [LibraryImport(Library, EntryPoint = "RegSetValueExW", StringMarshalling = StringMarshalling.Utf16)]
    private static partial int RegSetValueEx(SafeRegistryHandle key, string name, uint reserved, uint type, byte[] data, uint size);
}
