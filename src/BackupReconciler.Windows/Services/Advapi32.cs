using System.Runtime.InteropServices;

namespace BackupReconciler.Windows.Services;

/// <summary>
/// The Service Control Manager functions of advapi32 the service adapter calls, and their constants
/// (winsvc.h). Strings are UTF-16; every function sets the last error.
/// </summary>
internal static partial class Advapi32
{
    public const uint ScManagerConnect = 0x0001;
    public const uint ScManagerEnumerateService = 0x0004;

    public const uint ServiceQueryConfig = 0x0001;
    public const uint ServiceChangeConfig = 0x0002;
    public const uint ServiceQueryStatus = 0x0004;
    public const uint ServiceStart = 0x0010;
    public const uint ServiceStop = 0x0020;

    /// <summary>SERVICE_DRIVER | SERVICE_WIN32: services can depend on drivers, so both are listed.</summary>
    public const uint ServiceTypeDriverAndWin32 = 0x0000000B | 0x00000030;
    public const uint ServiceStateAll = 0x00000003;
    public const int ScEnumProcessInfo = 0;
    public const int ScStatusProcessInfo = 0;

    public const uint ServiceNoChange = 0xFFFFFFFF;
    public const uint ServiceConfigDelayedAutoStartInfo = 3;
    public const uint ServiceControlStop = 0x00000001;

    public const uint ServiceBootStart = 0;
    public const uint ServiceSystemStart = 1;
    public const uint ServiceAutoStart = 2;
    public const uint ServiceDemandStart = 3;
    public const uint ServiceDisabled = 4;

    public const uint ServiceStopped = 1;
    public const uint ServiceStartPending = 2;
    public const uint ServiceStopPending = 3;
    public const uint ServiceRunning = 4;
    public const uint ServiceContinuePending = 5;
    public const uint ServicePausePending = 6;
    public const uint ServicePaused = 7;

    public const int ErrorInsufficientBuffer = 122;
    public const int ErrorInvalidLevel = 124;
    public const int ErrorMoreData = 234;
    public const int ErrorServiceDoesNotExist = 1060;

    private const string Library = "advapi32.dll";

    [LibraryImport(Library, EntryPoint = "OpenSCManagerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial SafeServiceHandle OpenSCManager(string? machineName, string? databaseName, uint desiredAccess);

    [LibraryImport(Library, EntryPoint = "OpenServiceW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial SafeServiceHandle OpenService(SafeServiceHandle manager, string serviceName, uint desiredAccess);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool CloseServiceHandle(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "EnumServicesStatusExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool EnumServicesStatusEx(
        SafeServiceHandle manager, int infoLevel, uint serviceType, uint serviceState, IntPtr buffer, uint bufferSize,
        out uint bytesNeeded, out uint servicesReturned, ref uint resumeHandle, string? groupName);

    [LibraryImport(Library, EntryPoint = "QueryServiceConfigW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool QueryServiceConfig(SafeServiceHandle service, IntPtr buffer, uint bufferSize, out uint bytesNeeded);

    [LibraryImport(Library, EntryPoint = "QueryServiceConfig2W", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool QueryServiceConfig2(SafeServiceHandle service, uint infoLevel, out ServiceDelayedAutoStartInfo buffer, uint bufferSize, out uint bytesNeeded);

    [LibraryImport(Library, EntryPoint = "ChangeServiceConfigW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ChangeServiceConfig(
        SafeServiceHandle service, uint serviceType, uint startType, uint errorControl, string? binaryPathName,
        string? loadOrderGroup, IntPtr tagId, string? dependencies, string? serviceStartName, string? password, string? displayName);

    [LibraryImport(Library, EntryPoint = "ChangeServiceConfig2W", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ChangeServiceConfig2(SafeServiceHandle service, uint infoLevel, ref ServiceDelayedAutoStartInfo info);

    [LibraryImport(Library, EntryPoint = "StartServiceW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StartService(SafeServiceHandle service, uint argumentCount, IntPtr arguments);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ControlService(SafeServiceHandle service, uint control, out ServiceStatus status);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool QueryServiceStatusEx(SafeServiceHandle service, int infoLevel, out ServiceStatusProcess buffer, uint bufferSize, out uint bytesNeeded);

    /// <summary>SERVICE_STATUS.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServiceStatus
    {
        public uint ServiceType;
        public uint CurrentState;
        public uint ControlsAccepted;
        public uint Win32ExitCode;
        public uint ServiceSpecificExitCode;
        public uint CheckPoint;
        public uint WaitHint;
    }

    /// <summary>SERVICE_STATUS_PROCESS.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServiceStatusProcess
    {
        public uint ServiceType;
        public uint CurrentState;
        public uint ControlsAccepted;
        public uint Win32ExitCode;
        public uint ServiceSpecificExitCode;
        public uint CheckPoint;
        public uint WaitHint;
        public uint ProcessId;
        public uint ServiceFlags;
    }

    /// <summary>ENUM_SERVICE_STATUS_PROCESSW: the strings point into the same buffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct EnumServiceStatusProcess
    {
        public IntPtr ServiceName;
        public IntPtr DisplayName;
        public ServiceStatusProcess Status;
    }

    /// <summary>QUERY_SERVICE_CONFIGW: the strings point into the same buffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct QueryServiceConfigW
    {
        public uint ServiceType;
        public uint StartType;
        public uint ErrorControl;
        public IntPtr BinaryPathName;
        public IntPtr LoadOrderGroup;
        public uint TagId;
        public IntPtr Dependencies;
        public IntPtr ServiceStartName;
        public IntPtr DisplayName;
    }

    /// <summary>SERVICE_DELAYED_AUTO_START_INFO (a BOOL).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServiceDelayedAutoStartInfo
    {
        public int DelayedAutostart;
    }
}
