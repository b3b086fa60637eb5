using System.Globalization;
using BackupReconciler.Host;
using Microsoft.Management.Infrastructure;

namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// Turns WMI failures into host failures in WMI's own words and code: MI's CimException carries the
/// provider's message, MI's result code and (in its error instance) the provider's HRESULT or Win32
/// code. A machine where MI itself cannot load (Wine, a publish that lost MI's assemblies) says that WMI
/// is not available, not a crash.
/// </summary>
internal static class WmiFailure
{
    public static bool IsWmiFailure(Exception e) => e is CimException || IsUnavailable(e);

    public static HostOperationException From(Exception e) => e switch
    {
        CimException cim => new HostOperationException(Describe(ErrorOf(cim)), cim),
        _ when IsUnavailable(e) => new HostOperationException($"WMI is not available on this host: {Innermost(e).Message.Trim()}", e),
        _ => new HostOperationException(e.Message, e),
    };

    /// <summary>
    /// "Invalid namespace (WMI 0x8004100E)": the provider's code when it gave one (an HRESULT in hex, a
    /// Win32 error in decimal as <see cref="Win32Failure"/> writes it), else MI's result code and name.
    /// </summary>
    public static string Describe(WmiError error)
    {
        var name = Enum.IsDefined((NativeErrorCode)error.ResultCode) ? ((NativeErrorCode)error.ResultCode).ToString() : "unknown result";
        var message = error.Message.Trim() is { Length: > 0 } text ? text : name;
        var code = error switch
        {
            { ErrorType: { } type, ErrorCode: { } hresult } when type.Equals("HRESULT", StringComparison.OrdinalIgnoreCase) =>
                $"WMI {Hex(unchecked((int)hresult))}",
            { ErrorType: { } type, ErrorCode: { } win32 } when type.Equals("Win32", StringComparison.OrdinalIgnoreCase) =>
                win32.ToString(CultureInfo.InvariantCulture),
            _ => $"MI result {error.ResultCode.ToString(CultureInfo.InvariantCulture)}: {name}",
        };
        return $"{message} ({code})";
    }

    /// <summary>Whether WMI said the namespace, class or instance is not there (a product not installed).</summary>
    public static bool IsMissing(WmiError error) =>
        (NativeErrorCode)error.ResultCode is NativeErrorCode.InvalidNamespace or NativeErrorCode.InvalidClass or NativeErrorCode.NotFound;

    /// <summary>As <see cref="IsMissing(WmiError)"/>, for the exception a host failure keeps inside it.</summary>
    public static bool IsMissing(Exception? e) => e is CimException cim && IsMissing(ErrorOf(cim));

    /// <summary>
    /// MI cannot run here: its native part is missing (Wine has no mi.dll), its managed assemblies were
    /// not published, or the platform is not Windows.
    /// </summary>
    public static bool IsUnavailable(Exception e) => Innermost(e) switch
    {
        DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or PlatformNotSupportedException => true,
        FileNotFoundException { FileName: { } file } => file.StartsWith("Microsoft.Management.Infrastructure", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static WmiError ErrorOf(CimException e)
    {
        var data = e.ErrorData?.CimInstanceProperties;
        return new WmiError(
            e.Message,
            (uint)e.NativeErrorCode,
            data?["error_Type"]?.Value as string,
            data?["error_Code"]?.Value is { } code ? Convert.ToInt64(code, CultureInfo.InvariantCulture) : null);
    }

    public static string Hex(int code) => "0x" + code.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>A type initializer's failure is about what it could not load, which is what to say.</summary>
    private static Exception Innermost(Exception e) =>
        e is TypeInitializationException { InnerException: { } inner } ? Innermost(inner) : e;
}
