using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.Features;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Features;

/// <summary>
/// The features port on the live machine. Reading is one Win32_OptionalFeature query per run (name and
/// install state: WMI on the run's session, no child process). Installing and uninstalling go through the DISM API in process
/// (dismapi.dll: DismInitialize, DismOpenSession, DismEnableFeature / DismDisableFeature), because WMI
/// has no install method that works on Server (Win32_OptionalFeature is read-only; Server Manager's
/// deployment provider is an undocumented asynchronous protocol) and the other ways start dism.exe or
/// PowerShell. DISM may take minutes, so changes have their own, longer, deadline; past it the DISM call
/// is cancelled through its cancel event.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsFeatures : IFeatures
{
    /// <summary>What enabling a feature may take: DISM stages its payload, which on a busy server takes minutes.</summary>
    public static readonly TimeSpan DefaultChangeTimeout = TimeSpan.FromMinutes(30);

    private readonly WmiSession _wmi;
    private readonly TimeSpan _changeTimeout;
    private readonly Lock _lock = new();
    private IReadOnlyDictionary<string, uint>? _states;

    internal WindowsFeatures(WmiSession wmi, TimeSpan? changeTimeout = null)
    {
        _wmi = wmi;
        _changeTimeout = changeTimeout ?? DefaultChangeTimeout;
    }

    public bool? IsInstalled(string name)
    {
        lock (_lock)
        {
            var states = States();
            return FeatureMapping.Resolve(states, name) is { } found ? FeatureMapping.IsInstalled(name, states[found]) : null;
        }
    }

    public void Install(string name) => Change(name, enable: true);

    public void Uninstall(string name) => Change(name, enable: false);

    private void Change(string name, bool enable)
    {
        lock (_lock)
        {
            var feature = FeatureMapping.Resolve(States(), name)
                ?? throw new HostOperationException($"\"{name}\" is not a feature of this Windows edition (Win32_OptionalFeature has no such name).");
            var cancel = new ManualResetEvent(false);
            try
            {
                HostCall.RunNamed($"{(enable ? "installing" : "uninstalling")} the feature \"{name}\" ({feature}) through DISM", _changeTimeout, () =>
                {
                    try
                    {
                        using var session = DismSession.Open();
                        if (enable)
                        {
                            session.Enable(feature, cancel);
                        }
                        else
                        {
                            session.Disable(feature, cancel);
                        }
                    }
                    finally
                    {
                        // The event outlives an abandoned call: the call, not the caller, disposes it.
                        cancel.Dispose();
                    }
                });
            }
            catch (HostOperationException) when (!cancel.SafeWaitHandle.IsClosed)
            {
                // Out of time: ask DISM to stop rather than leave it changing the system unobserved.
                try
                {
                    cancel.Set();
                }
                catch (ObjectDisposedException)
                {
                    // The call ended just now, on its own.
                }

                throw;
            }
            finally
            {
                _states = null;
            }
        }
    }

    private IReadOnlyDictionary<string, uint> States() =>
        _states ??= FeatureMapping.ToStates(_wmi.Query("reading the optional features (Win32_OptionalFeature)", FeatureMapping.Query));
}
