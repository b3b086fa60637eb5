using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace BackupReconciler.Windows.Services;

/// <summary>
/// The Service Control Manager calls, one method each, with buffers sized as the API asks and every
/// failure turned into a <see cref="BackupReconciler.Host.HostOperationException"/> with Windows' text and code.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class ServiceControlManager
{
    public static SafeServiceHandle OpenManager(uint access)
    {
        var manager = Advapi32.OpenSCManager(null, null, access);
        return manager.IsInvalid ? throw FailWith(manager) : manager;
    }

    /// <summary>The service, or null when it is not installed (1060).</summary>
    public static SafeServiceHandle? TryOpenService(SafeServiceHandle manager, string name, uint access)
    {
        var service = Advapi32.OpenService(manager, name, access);
        if (!service.IsInvalid)
        {
            return service;
        }

        var error = Marshal.GetLastPInvokeError();
        service.Dispose();
        return error == Advapi32.ErrorServiceDoesNotExist ? null : throw Win32Failure.FromCode(error);
    }

    public static SafeServiceHandle OpenService(SafeServiceHandle manager, string name, uint access) =>
        TryOpenService(manager, name, access) ?? throw Win32Failure.FromCode(Advapi32.ErrorServiceDoesNotExist);

    /// <summary>Every service and driver with its current state, in one enumeration (resumed if the buffer was short).</summary>
    public static Dictionary<string, (string Name, uint State)> EnumerateStates(SafeServiceHandle manager)
    {
        var states = new Dictionary<string, (string Name, uint State)>(StringComparer.OrdinalIgnoreCase);
        var entrySize = Marshal.SizeOf<Advapi32.EnumServiceStatusProcess>();
        uint size = 64 * 1024;
        uint resume = 0;
        while (true)
        {
            var buffer = Marshal.AllocHGlobal((int)size);
            try
            {
                var done = Advapi32.EnumServicesStatusEx(manager, Advapi32.ScEnumProcessInfo, Advapi32.ServiceTypeDriverAndWin32,
                    Advapi32.ServiceStateAll, buffer, size, out var needed, out var count, ref resume, null);
                var error = done ? 0 : Marshal.GetLastPInvokeError();
                for (var i = 0; i < count; i++)
                {
                    var entry = Marshal.PtrToStructure<Advapi32.EnumServiceStatusProcess>(buffer + (i * entrySize));
                    var name = Marshal.PtrToStringUni(entry.ServiceName) ?? "";
                    states[name] = (name, entry.Status.CurrentState);
                }

                if (done)
                {
                    return states;
                }

                if (error != Advapi32.ErrorMoreData)
                {
                    throw Win32Failure.FromCode(error);
                }

                // The rest comes from where the resume handle points; grow only when not even one entry fitted.
                if (count == 0)
                {
                    size = Math.Max(size * 2, needed);
                }
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }
    }

    public static ServiceConfig QueryConfig(SafeServiceHandle service)
    {
        // The first call only asks for the size (ERROR_INSUFFICIENT_BUFFER); it cannot succeed with no buffer.
        var error = Advapi32.QueryServiceConfig(service, IntPtr.Zero, 0, out var needed) ? 0 : Marshal.GetLastPInvokeError();
        if (error != Advapi32.ErrorInsufficientBuffer)
        {
            throw Win32Failure.FromCode(error);
        }

        var buffer = Marshal.AllocHGlobal((int)needed);
        try
        {
            if (!Advapi32.QueryServiceConfig(service, buffer, needed, out _))
            {
                throw Win32Failure.FromLastError();
            }

            var config = Marshal.PtrToStructure<Advapi32.QueryServiceConfigW>(buffer);
            return new ServiceConfig(
                config.StartType,
                config.StartType == Advapi32.ServiceAutoStart && IsDelayedAutoStart(service),
                Marshal.PtrToStringUni(config.ServiceStartName) ?? "",
                ReadDependencies(config.Dependencies));
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <summary>
    /// Whether an automatic service starts delayed. Wine does not implement this information level and
    /// answers ERROR_INVALID_LEVEL (124); there it reads as "not delayed", which is what Wine does.
    /// </summary>
    public static bool IsDelayedAutoStart(SafeServiceHandle service)
    {
        if (Advapi32.QueryServiceConfig2(service, Advapi32.ServiceConfigDelayedAutoStartInfo, out var info,
                (uint)Marshal.SizeOf<Advapi32.ServiceDelayedAutoStartInfo>(), out _))
        {
            return info.DelayedAutostart != 0;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == Advapi32.ErrorInvalidLevel ? false : throw Win32Failure.FromCode(error);
    }

    public static void ChangeStartType(SafeServiceHandle service, uint startType)
    {
        if (!Advapi32.ChangeServiceConfig(service, Advapi32.ServiceNoChange, startType, Advapi32.ServiceNoChange,
                null, null, IntPtr.Zero, null, null, null, null))
        {
            throw Win32Failure.FromLastError();
        }
    }

    public static void ChangeDelayedAutoStart(SafeServiceHandle service, bool delayed)
    {
        var info = new Advapi32.ServiceDelayedAutoStartInfo { DelayedAutostart = delayed ? 1 : 0 };
        if (!Advapi32.ChangeServiceConfig2(service, Advapi32.ServiceConfigDelayedAutoStartInfo, ref info))
        {
            throw Win32Failure.FromLastError();
        }
    }

    public static void ChangeAccount(SafeServiceHandle service, string account, string? password)
    {
        if (!Advapi32.ChangeServiceConfig(service, Advapi32.ServiceNoChange, Advapi32.ServiceNoChange, Advapi32.ServiceNoChange,
                null, null, IntPtr.Zero, null, account, password, null))
        {
            throw Win32Failure.FromLastError();
        }
    }

    public static void Start(SafeServiceHandle service)
    {
        if (!Advapi32.StartService(service, 0, IntPtr.Zero))
        {
            throw Win32Failure.FromLastError();
        }
    }

    public static void SendStop(SafeServiceHandle service)
    {
        if (!Advapi32.ControlService(service, Advapi32.ServiceControlStop, out _))
        {
            throw Win32Failure.FromLastError();
        }
    }

    public static Advapi32.ServiceStatusProcess QueryStatus(SafeServiceHandle service) =>
        Advapi32.QueryServiceStatusEx(service, Advapi32.ScStatusProcessInfo, out var status,
            (uint)Marshal.SizeOf<Advapi32.ServiceStatusProcess>(), out _)
            ? status
            : throw Win32Failure.FromLastError();

    /// <summary>lpDependencies: names separated by NUL, ending in two; "+Name" is a load-order group.</summary>
    private static List<string> ReadDependencies(IntPtr list)
    {
        var names = new List<string>();
        if (list == IntPtr.Zero)
        {
            return names;
        }

        var at = list;
        while (Marshal.PtrToStringUni(at) is { Length: > 0 } name)
        {
            if (!name.StartsWith('+'))
            {
                names.Add(name);
            }

            at += (name.Length + 1) * sizeof(char);
        }

        return names;
    }

    private static Exception FailWith(SafeServiceHandle handle)
    {
        var failure = Win32Failure.FromLastError();
        handle.Dispose();
        return failure;
    }
}
