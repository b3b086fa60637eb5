using System.ComponentModel;
using System.Globalization;
using System.Management;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// Turns WMI failures into host failures with Windows' own text and code: WMI's status codes
/// (WBEM_E_ACCESS_DENIED 0x80041003, WBEM_E_INVALID_NAMESPACE 0x8004100E …) carry their own
/// description; DCOM errors are Win32 errors inside an HRESULT.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WmiFailure
{
    public const int InvalidNamespace = unchecked((int)0x8004100E);
    public const int InvalidClass = unchecked((int)0x80041010);

    /// <summary>
    /// WMI's own failures, and System.Management's PlatformNotSupportedException where the WMI runtime it
    /// loads is missing (Wine, Server Core without WMI): "WMI is not available", not a crash.
    /// </summary>
    public static bool IsWmiFailure(Exception e) =>
        e is ManagementException or COMException or UnauthorizedAccessException or PlatformNotSupportedException
        || e is TypeInitializationException { InnerException: PlatformNotSupportedException };

    public static HostOperationException From(Exception e) => e switch
    {
        PlatformNotSupportedException missing => new HostOperationException($"WMI is not available on this host: {missing.Message.Trim()}", missing),
        TypeInitializationException { InnerException: PlatformNotSupportedException missing } => From(missing),
        ManagementException wmi => new HostOperationException($"{wmi.Message.Trim()} (WMI {Hex((int)wmi.ErrorCode)})", wmi),
        COMException com => ComFailure.From(com),
        UnauthorizedAccessException => Win32Failure.FromCode(Win32Failure.AccessDenied),
        _ => new HostOperationException(e.Message, e),
    };

    /// <summary>Whether the failure says the namespace or class is not there (a product not installed).</summary>
    public static bool IsMissing(Exception e) =>
        e is ManagementException { ErrorCode: ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass or ManagementStatus.NotFound };

    public static string Hex(int code) => "0x" + code.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>For tests of the message shape: a Win32 error's text as Windows words it.</summary>
    internal static string Win32Text(int code) => new Win32Exception(code).Message;
}
