using System.Runtime.InteropServices;
using BackupReconciler.Windows.Services;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>The advapi32 functions only the tests need: installing services, and being one.</summary>
internal static unsafe partial class TestAdvapi32
{
    public const uint ScManagerCreateService = 0x0002;
    public const uint ServiceAllAccess = 0xF01FF;
    public const uint Delete = 0x00010000;
    public const uint ServiceWin32OwnProcess = 0x10;
    public const uint ServiceErrorNormal = 1;

    public const uint ServiceAcceptStop = 0x1;
    public const uint ServiceControlStop = 0x1;
    public const uint ServiceControlInterrogate = 0x4;
    public const uint ErrorCallNotImplemented = 120;

    private const string Library = "advapi32.dll";

    [LibraryImport(Library, EntryPoint = "CreateServiceW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial SafeServiceHandle CreateService(
        SafeServiceHandle manager, string serviceName, string displayName, uint desiredAccess, uint serviceType, uint startType,
        uint errorControl, string binaryPathName, string? loadOrderGroup, IntPtr tagId, string? dependencies, string? serviceStartName, string? password);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DeleteService(SafeServiceHandle service);

    [LibraryImport(Library, EntryPoint = "StartServiceCtrlDispatcherW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StartServiceCtrlDispatcher(ServiceTableEntry* table);

    [LibraryImport(Library, EntryPoint = "RegisterServiceCtrlHandlerExW", SetLastError = true)]
    public static partial IntPtr RegisterServiceCtrlHandlerEx(char* serviceName, delegate* unmanaged<uint, uint, void*, void*, uint> handler, void* context);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetServiceStatus(IntPtr statusHandle, Advapi32.ServiceStatus* status);

    /// <summary>SERVICE_TABLE_ENTRYW.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServiceTableEntry
    {
        public char* ServiceName;
        public delegate* unmanaged<uint, char**, void> ServiceProc;
    }
}
