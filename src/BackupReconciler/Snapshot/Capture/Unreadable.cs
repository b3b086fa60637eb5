using System.Runtime.InteropServices;
using BackupReconciler.Host;

namespace BackupReconciler.Snapshot.Capture;

/// <summary>
/// Which failures of a read leave a part out of a capture instead of ending it: a host failure, and what
/// a live machine throws where a technology is missing or closed to this account (WMI or a COM server not
/// there, access denied, not supported on this platform). Anything else is a bug and still ends the run.
/// </summary>
public static class Unreadable
{
    public static bool Is(Exception e) => e is HostOperationException
        or PlatformNotSupportedException
        or NotSupportedException
        or UnauthorizedAccessException
        or ExternalException
        or DllNotFoundException
        or EntryPointNotFoundException
        or TypeInitializationException;

    /// <summary>The reason as a capture logs it: a host failure's own text; otherwise the text and what kind of failure it was.</summary>
    public static string Reason(Exception e) => e switch
    {
        HostOperationException => e.Message,
        TypeInitializationException { InnerException: { } inner } => Reason(inner),
        ExternalException com => $"{com.Message.Trim()} (0x{com.HResult.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)})",
        UnauthorizedAccessException => $"access is denied: {e.Message.Trim()}",
        _ => $"not available on this host: {e.Message.Trim()}",
    };
}
