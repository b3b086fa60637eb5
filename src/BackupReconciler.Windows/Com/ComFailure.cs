using System.ComponentModel;
using System.Runtime.InteropServices;
using BackupReconciler.Host;

namespace BackupReconciler.Windows;

/// <summary>
/// Turns COM failures (Task Scheduler, the firewall's FwPolicy2, DCOM under WMI) into host failures. Most
/// of their HRESULTs wrap a Win32 error (0x80070005 is "Access is denied."), whose text Windows words
/// better than the HRESULT's generic message; others keep the exception's own text.
/// </summary>
internal static partial class ComFailure
{
    /// <summary>HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND): Task Scheduler's "no such task or folder".</summary>
    public const int FileNotFound = unchecked((int)0x80070002);

    /// <summary>HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND): Task Scheduler's "no such folder" on some versions.</summary>
    public const int PathNotFound = unchecked((int)0x80070003);

    public static HostOperationException From(Exception e) => From(e.HResult, e.Message, e);

    /// <summary>
    /// "text (0x80040154)": the meaning once, the code once. .NET words an HRESULT it has no text for as
    /// "Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG)" and may append the code to a text it
    /// has; both are taken apart so the code is not said twice and a meaning is always given.
    /// </summary>
    public static HostOperationException From(int hresult, string message, Exception? inner)
    {
        var hex = "0x" + hresult.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        var text = IsWin32(hresult) ? new Win32Exception(hresult & 0xFFFF).Message : Meaning(hresult, message);
        return inner is null ? new HostOperationException($"{text} ({hex})") : new HostOperationException($"{text} ({hex})", inner);
    }

    /// <summary>The HRESULTs a missing or unusable COM server gives, in words.</summary>
    private static readonly Dictionary<int, string> KnownMeanings = new()
    {
        [unchecked((int)0x80040154)] = "Class not registered: the COM server is not installed",
        [unchecked((int)0x800401F3)] = "Invalid class string: no COM server of this name is installed",
        [unchecked((int)0x80080005)] = "Server execution failed: the COM server could not be started",
        [unchecked((int)0x8001010A)] = "The COM server is busy",
        [unchecked((int)0x80004001)] = "Not implemented",
        [unchecked((int)0x80004002)] = "No such interface supported",
        [unchecked((int)0x80004005)] = "Unspecified error",
    };

    private static string Meaning(int hresult, string message)
    {
        var text = HResultSuffix().Replace(message.Trim(), "").Trim();
        if (text.Length == 0 || text.StartsWith("Exception from HRESULT", StringComparison.OrdinalIgnoreCase))
        {
            return KnownMeanings.TryGetValue(hresult, out var known) ? known
                : SymbolicName().Match(message) is { Success: true } name ? name.Groups[1].Value
                : "COM error";
        }

        return text;
    }

    /// <summary>" (0x80040154)" or " (0x80040154 (REGDB_E_CLASSNOTREG))" at the end of .NET's text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(0x[0-9A-Fa-f]{8}(\s*\([A-Z0-9_]+\))?\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HResultSuffix();

    [System.Text.RegularExpressions.GeneratedRegex(@"0x[0-9A-Fa-f]{8}\s*\(([A-Z0-9_]+)\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SymbolicName();

    /// <summary>The COM failure itself, without a reflection wrapper it may come in.</summary>
    public static Exception Unwrap(Exception e) =>
        e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;

    /// <summary>
    /// Whether <paramref name="e"/> is a failed HRESULT from a COM call. Source-generated COM raises it as
    /// <see cref="Marshal.ThrowExceptionForHR(int)"/> does, which maps well-known HRESULTs to .NET types:
    /// E_ACCESSDENIED to UnauthorizedAccessException, 0x80070002 to FileNotFoundException, E_INVALIDARG to
    /// ArgumentException, E_NOTIMPL to NotImplementedException, E_NOINTERFACE to InvalidCastException;
    /// any other to COMException. All of them keep the HRESULT in <see cref="Exception.HResult"/>.
    /// </summary>
    public static bool IsCom(Exception e) =>
        Unwrap(e) is COMException or UnauthorizedAccessException or IOException or ArgumentException
            or NotImplementedException or InvalidCastException or NotSupportedException;

    /// <summary>True for HRESULT_FROM_WIN32 values: failure bit set, facility 7 (FACILITY_WIN32).</summary>
    public static bool IsWin32(int hresult) => (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
}
