using System.ComponentModel;
using System.Runtime.InteropServices;
using BackupReconciler.Host;

namespace BackupReconciler.Windows;

/// <summary>
/// Turns COM failures (Task Scheduler, the firewall's FwPolicy2, DCOM under WMI) into host failures. Most
/// of their HRESULTs wrap a Win32 error (0x80070005 is "Access is denied."), whose text Windows words
/// better than the HRESULT's generic message; others keep the exception's own text.
/// </summary>
internal static class ComFailure
{
    /// <summary>HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND): Task Scheduler's "no such task or folder".</summary>
    public const int FileNotFound = unchecked((int)0x80070002);

    /// <summary>HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND): Task Scheduler's "no such folder" on some versions.</summary>
    public const int PathNotFound = unchecked((int)0x80070003);

    public static HostOperationException From(Exception e) => From(e.HResult, e.Message, e);

    public static HostOperationException From(int hresult, string message, Exception? inner)
    {
        var hex = "0x" + hresult.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        var text = IsWin32(hresult) ? new Win32Exception(hresult & 0xFFFF).Message : message.Trim();
        return inner is null ? new HostOperationException($"{text} ({hex})") : new HostOperationException($"{text} ({hex})", inner);
    }

    /// <summary>The exception a late-bound COM call threw, without the reflection wrapper it may come in.</summary>
    public static Exception Unwrap(Exception e) =>
        e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;

    public static bool IsCom(Exception e) => Unwrap(e) is COMException or UnauthorizedAccessException;

    /// <summary>True for HRESULT_FROM_WIN32 values: failure bit set, facility 7 (FACILITY_WIN32).</summary>
    public static bool IsWin32(int hresult) => (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);

    /// <summary>The COM object's release, now rather than at some finalizer's convenience.</summary>
    public static void Release(object? comObject)
    {
        if (comObject is not null && OperatingSystem.IsWindows() && Marshal.IsComObject(comObject))
        {
            Marshal.FinalReleaseComObject(comObject);
        }
    }
}
