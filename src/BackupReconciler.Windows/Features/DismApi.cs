using System.Runtime.InteropServices;

namespace BackupReconciler.Windows.Features;

/// <summary>
/// The DISM API (dismapi.dll, Windows 8 / Server 2012 and later) functions that enable and disable an
/// optional feature of the running Windows, in process: the alternative is starting dism.exe or
/// PowerShell, which this tool never does. Every function answers an HRESULT.
/// </summary>
internal static partial class DismApi
{
    /// <summary>The image path that means "the running Windows" (DISM_ONLINE_IMAGE).</summary>
    public const string OnlineImage = "DISM_{53BFAE52-B167-4E2F-A258-0A37B57FF845}";

    public const int LogErrors = 0;
    public const int PackageNone = 0;

    /// <summary>DISMAPI_E_DISMAPI_ALREADY_INITIALIZED: a previous call in this process initialised it.</summary>
    public const int AlreadyInitialized = unchecked((int)0xC0040001);

    /// <summary>HRESULT_FROM_WIN32(ERROR_SUCCESS_REBOOT_REQUIRED): done, effective after a restart.</summary>
    public const int SuccessRebootRequired = unchecked((int)0x80070BC2);

    private const string Library = "dismapi.dll";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    public static partial int DismInitialize(int logLevel, string? logFilePath, string? scratchDirectory);

    [LibraryImport(Library)]
    public static partial int DismShutdown();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    public static partial int DismOpenSession(string imagePath, string? windowsDirectory, string? systemDrive, out uint session);

    [LibraryImport(Library)]
    public static partial int DismCloseSession(uint session);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    public static partial int DismEnableFeature(
        uint session, string featureName, string? identifier, int packageIdentifier,
        [MarshalAs(UnmanagedType.Bool)] bool limitAccess, IntPtr sourcePaths, uint sourcePathCount,
        [MarshalAs(UnmanagedType.Bool)] bool enableAll, IntPtr cancelEvent, IntPtr progress, IntPtr userData);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    public static partial int DismDisableFeature(
        uint session, string featureName, string? packageName,
        [MarshalAs(UnmanagedType.Bool)] bool removePayload, IntPtr cancelEvent, IntPtr progress, IntPtr userData);

    /// <summary>Points at a DismString, whose only member is the message's PCWSTR; free it with DismDelete.</summary>
    [LibraryImport(Library)]
    public static partial int DismGetLastErrorMessage(out IntPtr errorMessage);

    [LibraryImport(Library)]
    public static partial int DismDelete(IntPtr dismStructure);
}
