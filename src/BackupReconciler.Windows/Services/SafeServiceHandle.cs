using Microsoft.Win32.SafeHandles;

namespace BackupReconciler.Windows.Services;

/// <summary>
/// An SC_HANDLE (to the Service Control Manager or to one service), closed exactly once even when a
/// timed-out call still uses it: the marshaller holds a reference for the length of each call.
/// </summary>
internal sealed class SafeServiceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeServiceHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => Advapi32.CloseServiceHandle(handle);
}
