using BackupReconciler.Host;

namespace BackupReconciler.Windows.Files;

/// <summary>How the file system's exceptions read on Windows, and how they become host failures.</summary>
internal static class FileErrors
{
    /// <summary>ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another process holds the file open.</summary>
    public static bool IsInUse(IOException e) => (e.HResult & 0xFFFF) is 32 or 33 && IsWin32(e.HResult);

    /// <summary>Windows' text for the failure (System.IO's message is Windows' own, with the path), led by the path the baseline gave.</summary>
    public static HostOperationException From(string windowsPath, Exception e) =>
        new($"{windowsPath}: {e.Message}", e);

    private static bool IsWin32(int hresult) => (hresult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
}
