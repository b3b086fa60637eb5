using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Principal;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.UserRights;

/// <summary>An open handle to the local security policy, with the two operations the port needs.</summary>
[SupportedOSPlatform("windows")]
internal sealed class LsaPolicy : IDisposable
{
    private readonly IntPtr _handle;

    private LsaPolicy(IntPtr handle)
    {
        _handle = handle;
    }

    public static LsaPolicy Open(uint access)
    {
        var attributes = new Lsa.ObjectAttributes { Length = Marshal.SizeOf<Lsa.ObjectAttributes>() };
        var status = Lsa.LsaOpenPolicy(IntPtr.Zero, ref attributes, access, out var handle);
        return status == 0 ? new LsaPolicy(handle) : throw Failure(status);
    }

    /// <summary>The SIDs of the accounts holding <paramref name="right"/>; empty when none do.</summary>
    public IReadOnlyList<SecurityIdentifier> AccountsWith(string right)
    {
        using var name = new LsaString(right);
        var value = name.Value;
        var status = Lsa.LsaEnumerateAccountsWithUserRight(_handle, ref value, out var buffer, out var count);
        if (status == Lsa.StatusNoMoreEntries)
        {
            return [];
        }

        if (status == Lsa.StatusNoSuchPrivilege)
        {
            throw new HostOperationException($"\"{right}\" is not a user right or privilege Windows knows ({Failure(status).Message}).");
        }

        if (status != 0)
        {
            throw Failure(status);
        }

        try
        {
            // An array of LSA_ENUMERATION_INFORMATION, whose only member is the PSID.
            var sids = new List<SecurityIdentifier>((int)count);
            for (var i = 0; i < count; i++)
            {
                sids.Add(new SecurityIdentifier(Marshal.ReadIntPtr(buffer, i * IntPtr.Size)));
            }

            return sids;
        }
        finally
        {
            _ = Lsa.LsaFreeMemory(buffer);
        }
    }

    public void Grant(SecurityIdentifier account, string right)
    {
        var sid = new byte[account.BinaryLength];
        account.GetBinaryForm(sid, 0);
        var pinned = GCHandle.Alloc(sid, GCHandleType.Pinned);
        try
        {
            using var name = new LsaString(right);
            var value = name.Value;
            var status = Lsa.LsaAddAccountRights(_handle, pinned.AddrOfPinnedObject(), ref value, 1);
            if (status != 0)
            {
                throw Failure(status);
            }
        }
        finally
        {
            pinned.Free();
        }
    }

    public void Dispose() => _ = Lsa.LsaClose(_handle);

    private static HostOperationException Failure(uint status) => Win32Failure.FromCode(Lsa.LsaNtStatusToWinError(status));

    /// <summary>An LSA_UNICODE_STRING over unmanaged memory that lives as long as this object.</summary>
    private sealed class LsaString : IDisposable
    {
        private readonly IntPtr _buffer;

        public LsaString(string text)
        {
            _buffer = Marshal.StringToHGlobalUni(text);
            Value = new Lsa.UnicodeString
            {
                Length = checked((ushort)(text.Length * sizeof(char))),
                MaximumLength = checked((ushort)((text.Length + 1) * sizeof(char))),
                Buffer = _buffer,
            };
        }

        public Lsa.UnicodeString Value { get; }

        public void Dispose() => Marshal.FreeHGlobal(_buffer);
    }
}
