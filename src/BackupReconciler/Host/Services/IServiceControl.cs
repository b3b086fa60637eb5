namespace BackupReconciler.Host.Services;

/// <summary>
/// The Service Control Manager port. The live adapter answers <see cref="Find"/> from one bulk
/// enumeration per run; the few changes resources make are single calls with a bounded wait.
/// </summary>
public interface IServiceControl
{
    /// <summary>The service of that name (case-insensitive), or null when it is not installed.</summary>
    ServiceInfo? Find(string name);

    /// <summary>The services that depend directly on <paramref name="name"/>.</summary>
    IReadOnlyList<string> DependentsOf(string name);

    void SetStartType(string name, ServiceStartType startType);

    /// <summary>Sets the logon account of a service whose account needs no password.</summary>
    void SetAccount(string name, string account);

    /// <summary>Starts the service (and, as Windows does, its stopped dependencies first) and waits until it runs.</summary>
    void Start(string name);

    /// <summary>Stops the service and waits until it has stopped; fails while running services depend on it.</summary>
    void Stop(string name);
}

/// <summary>What the reconciler knows of one service.</summary>
public sealed record ServiceInfo(
    string Name,
    ServiceStartType StartType,
    ServiceState State,
    string Account,
    IReadOnlyList<string> DependsOn);

public enum ServiceStartType
{
    Boot,
    System,
    Automatic,
    AutomaticDelayed,
    Manual,
    Disabled,
}

public enum ServiceState
{
    Stopped,
    Running,
    Paused,
}
