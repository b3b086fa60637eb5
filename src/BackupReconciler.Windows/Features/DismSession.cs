using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.Features;

/// <summary>
/// One DISM session on the running Windows, for one enable or disable. DISM allows one initialisation per
/// process, so sessions never overlap. A cancel event lets a call that ran out of time be stopped rather
/// than left running.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class DismSession : IDisposable
{
    private static readonly Lock OneAtATime = new();

    private readonly uint _session;
    private bool _disposed;

    private DismSession(uint session)
    {
        _session = session;
    }

    public static DismSession Open()
    {
        OneAtATime.Enter();
        try
        {
            var initialized = DismApi.DismInitialize(DismApi.LogErrors, null, null);
            if (initialized < 0 && initialized != DismApi.AlreadyInitialized)
            {
                throw Failure("starting the DISM API", initialized);
            }

            var opened = DismApi.DismOpenSession(DismApi.OnlineImage, null, null, out var session);
            if (opened < 0)
            {
                var failure = Failure("opening a DISM session on the running Windows", opened);
                _ = DismApi.DismShutdown();
                throw failure;
            }

            return new DismSession(session);
        }
        catch
        {
            OneAtATime.Exit();
            throw;
        }
    }

    public void Enable(string feature, WaitHandle cancel) =>
        Check($"enabling the feature \"{feature}\"", DismApi.DismEnableFeature(
            _session, feature, null, DismApi.PackageNone, limitAccess: false, IntPtr.Zero, 0, enableAll: true,
            cancel.SafeWaitHandle.DangerousGetHandle(), IntPtr.Zero, IntPtr.Zero));

    public void Disable(string feature, WaitHandle cancel) =>
        Check($"disabling the feature \"{feature}\"", DismApi.DismDisableFeature(
            _session, feature, null, removePayload: false, cancel.SafeWaitHandle.DangerousGetHandle(), IntPtr.Zero, IntPtr.Zero));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Closing cannot be retried or reported usefully: the change itself already succeeded or failed.
        _ = DismApi.DismCloseSession(_session);
        _ = DismApi.DismShutdown();
        OneAtATime.Exit();
    }

    /// <summary>A pending restart is success: the feature is on, Windows finishes it at the next boot.</summary>
    private static void Check(string what, int hresult)
    {
        if (hresult < 0 && hresult != DismApi.SuccessRebootRequired)
        {
            throw Failure(what, hresult);
        }
    }

    /// <summary>DISM's own last error message when it has one, else the HRESULT's Windows text.</summary>
    private static HostOperationException Failure(string what, int hresult)
    {
        string? message = null;
        if (DismApi.DismGetLastErrorMessage(out var dismString) >= 0 && dismString != IntPtr.Zero)
        {
            message = Marshal.PtrToStringUni(Marshal.ReadIntPtr(dismString))?.Trim();
            _ = DismApi.DismDelete(dismString);
        }

        var failure = ComFailure.From(hresult, Marshal.GetExceptionForHR(hresult)?.Message ?? "DISM failed", null);
        return new HostOperationException(string.IsNullOrEmpty(message) ? $"{what}: {failure.Message}" : $"{what}: {message} ({Hex(hresult)})");
    }

    private static string Hex(int hresult) => "0x" + hresult.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
}
