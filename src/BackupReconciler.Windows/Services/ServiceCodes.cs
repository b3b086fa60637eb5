using BackupReconciler.Host.Services;

namespace BackupReconciler.Windows.Services;

/// <summary>The Service Control Manager's numbers in the port's words, and back.</summary>
internal static class ServiceCodes
{
    public static ServiceStartType ToStartType(uint startType, bool delayed) => startType switch
    {
        Advapi32.ServiceBootStart => ServiceStartType.Boot,
        Advapi32.ServiceSystemStart => ServiceStartType.System,
        Advapi32.ServiceAutoStart => delayed ? ServiceStartType.AutomaticDelayed : ServiceStartType.Automatic,
        Advapi32.ServiceDisabled => ServiceStartType.Disabled,
        _ => ServiceStartType.Manual,
    };

    public static uint FromStartType(ServiceStartType startType) => startType switch
    {
        ServiceStartType.Boot => Advapi32.ServiceBootStart,
        ServiceStartType.System => Advapi32.ServiceSystemStart,
        ServiceStartType.Automatic or ServiceStartType.AutomaticDelayed => Advapi32.ServiceAutoStart,
        ServiceStartType.Disabled => Advapi32.ServiceDisabled,
        _ => Advapi32.ServiceDemandStart,
    };

    /// <summary>
    /// A pending state counts as the state it is heading for: a service that is starting is not a
    /// stopped service to be started again, and one that is stopping is not to be stopped twice.
    /// </summary>
    public static ServiceState ToState(uint currentState) => currentState switch
    {
        Advapi32.ServiceStartPending or Advapi32.ServiceRunning or Advapi32.ServiceContinuePending => ServiceState.Running,
        Advapi32.ServicePausePending or Advapi32.ServicePaused => ServiceState.Paused,
        _ => ServiceState.Stopped,
    };

    /// <summary>How reports name a raw state: "start pending".</summary>
    public static string Describe(uint currentState) => currentState switch
    {
        Advapi32.ServiceStopped => "stopped",
        Advapi32.ServiceStartPending => "start pending",
        Advapi32.ServiceStopPending => "stop pending",
        Advapi32.ServiceRunning => "running",
        Advapi32.ServiceContinuePending => "continue pending",
        Advapi32.ServicePausePending => "pause pending",
        Advapi32.ServicePaused => "paused",
        _ => "in state " + currentState.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
