using System.Runtime.InteropServices;

namespace BackupReconciler.Windows.UserRights;

/// <summary>
/// The Local Security Authority functions of advapi32 for user rights assignments (ntsecapi.h). They answer
/// NTSTATUS codes, which LsaNtStatusToWinError turns into Win32 errors with Windows' text.
/// </summary>
internal static partial class Lsa
{
    public const uint PolicyViewLocalInformation = 0x00000001;
    public const uint PolicyCreateAccount = 0x00000010;
    public const uint PolicyLookupNames = 0x00000800;

    /// <summary>STATUS_NO_MORE_ENTRIES: nobody holds the right.</summary>
    public const uint StatusNoMoreEntries = 0x8000001A;

    /// <summary>STATUS_NO_SUCH_PRIVILEGE: not a right or privilege Windows knows.</summary>
    public const uint StatusNoSuchPrivilege = 0xC0000060;

    private const string Library = "advapi32.dll";

    [LibraryImport(Library)]
    public static partial uint LsaOpenPolicy(IntPtr systemName, ref ObjectAttributes objectAttributes, uint desiredAccess, out IntPtr policyHandle);

    [LibraryImport(Library)]
    public static partial uint LsaClose(IntPtr handle);

    [LibraryImport(Library)]
    public static partial uint LsaFreeMemory(IntPtr buffer);

    [LibraryImport(Library)]
    public static partial uint LsaEnumerateAccountsWithUserRight(IntPtr policyHandle, ref UnicodeString userRight, out IntPtr buffer, out uint countReturned);

    [LibraryImport(Library)]
    public static partial uint LsaAddAccountRights(IntPtr policyHandle, IntPtr accountSid, ref UnicodeString userRights, uint countOfRights);

    [LibraryImport(Library)]
    public static partial int LsaNtStatusToWinError(uint status);

    /// <summary>LSA_OBJECT_ATTRIBUTES: all zero but its length, as LsaOpenPolicy requires.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ObjectAttributes
    {
        public int Length;
        public IntPtr RootDirectory;
        public IntPtr ObjectName;
        public uint Attributes;
        public IntPtr SecurityDescriptor;
        public IntPtr SecurityQualityOfService;
    }

    /// <summary>LSA_UNICODE_STRING: lengths in bytes, the buffer not necessarily terminated.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct UnicodeString
    {
        public ushort Length;
        public ushort MaximumLength;
        public IntPtr Buffer;
    }
}
