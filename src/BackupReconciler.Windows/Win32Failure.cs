using System.ComponentModel;
using System.Security;
using BackupReconciler.Host;

namespace BackupReconciler.Windows;

/// <summary>
/// Turns Windows error codes into the failures the engine reports: Windows' own text followed by the
/// code, "Access is denied. (5)", the same shape the snapshot host uses, with the
/// <see cref="Win32Exception"/> (and so the code) kept as the inner exception.
/// </summary>
internal static class Win32Failure
{
    public const int AccessDenied = 5;

    public static HostOperationException FromCode(int code)
    {
        var error = new Win32Exception(code);
        return new HostOperationException($"{error.Message} ({code})", error);
    }

    /// <summary>The error the last P/Invoke call set.</summary>
    public static HostOperationException FromLastError() => FromCode(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());

    /// <summary>
    /// The Windows error behind an exception of Microsoft.Win32.Registry, which reports failures as
    /// .NET exceptions: access problems as <see cref="UnauthorizedAccessException"/> or
    /// <see cref="SecurityException"/>, everything else as an <see cref="IOException"/> whose HResult
    /// wraps the Win32 code.
    /// </summary>
    public static HostOperationException FromRegistryException(Exception exception)
    {
        var code = exception switch
        {
            UnauthorizedAccessException or SecurityException => AccessDenied,
            _ when IsWin32HResult(exception.HResult) => exception.HResult & 0xFFFF,
            _ => 0,
        };

        return code != 0
            ? new HostOperationException($"{new Win32Exception(code).Message} ({code})", exception)
            : new HostOperationException(exception.Message, exception);
    }

    /// <summary>True for HRESULT_FROM_WIN32 values: failure bit set, facility 7 (FACILITY_WIN32).</summary>
    private static bool IsWin32HResult(int hresult) => (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
}
