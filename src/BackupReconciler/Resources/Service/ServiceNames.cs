using BackupReconciler.Host.Services;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.Service;

/// <summary>How service start types and states are spelled in baselines, snapshots and reports.</summary>
public static class ServiceNames
{
    public static readonly EnumNames<ServiceStartType> StartTypes = new(
        ("automatic", ServiceStartType.Automatic),
        ("automaticDelayed", ServiceStartType.AutomaticDelayed),
        ("manual", ServiceStartType.Manual),
        ("disabled", ServiceStartType.Disabled),
        ("boot", ServiceStartType.Boot),
        ("system", ServiceStartType.System));

    /// <summary>The start types a baseline may ask for; boot and system belong to drivers.</summary>
    public static readonly EnumNames<ServiceStartType> DesiredStartTypes = new(
        ("automatic", ServiceStartType.Automatic),
        ("automaticDelayed", ServiceStartType.AutomaticDelayed),
        ("manual", ServiceStartType.Manual),
        ("disabled", ServiceStartType.Disabled));

    public static readonly EnumNames<ServiceState> States = new(
        ("running", ServiceState.Running),
        ("stopped", ServiceState.Stopped),
        ("paused", ServiceState.Paused));

    public static readonly EnumNames<ServiceState> DesiredStates = new(
        ("running", ServiceState.Running),
        ("stopped", ServiceState.Stopped));
}
