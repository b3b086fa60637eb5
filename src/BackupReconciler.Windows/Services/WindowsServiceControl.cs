using System.Diagnostics;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.Services;
using BackupReconciler.Resources.Service;

namespace BackupReconciler.Windows.Services;

/// <summary>
/// The services port on the live machine, through the Service Control Manager by P/Invoke
/// (DESIGN §8: one bulk enumeration costs milliseconds where WMI's Win32_Service costs hundreds).
/// States come from one EnumServicesStatusEx per run, configurations from one QueryServiceConfig per
/// service asked about; both are cached until this adapter changes something. Start and stop wait,
/// bounded, for the service to get there. Failures carry Windows' text and code.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsServiceControl : IServiceControl
{
    /// <summary>How often a start or stop looks whether the service got there.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>What the last SCM calls after a start or stop wait may take beyond the wait itself.</summary>
    private static readonly TimeSpan CallGrace = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _timeout;
    private readonly string _computerName;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServiceConfig?> _configs = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, (string Name, uint State)>? _states;

    /// <param name="timeout">The longest a start or stop waits for the service, and any other call for an answer (default 30 s).</param>
    public WindowsServiceControl(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
        _computerName = Environment.MachineName;
    }

    public ServiceInfo? Find(string name) =>
        Call($"reading service \"{name}\"", _timeout, () =>
        {
            if (!States().TryGetValue(name, out var state))
            {
                return null;
            }

            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            return Config(manager, state.Name) is { } config
                ? new ServiceInfo(state.Name, ServiceCodes.ToStartType(config.StartType, config.DelayedAutoStart),
                    ServiceCodes.ToState(state.State), config.Account, config.DependsOn)
                : null;
        });

    /// <summary>
    /// From the cached configurations rather than EnumDependentServices, which lists indirect dependents
    /// too and which Wine does not implement. A service whose configuration this process may not read
    /// is left out: it cannot be told apart, and Windows itself refuses a stop it would break (1051).
    /// </summary>
    public IReadOnlyList<string> DependentsOf(string name) =>
        Call($"listing the services that depend on \"{name}\"", _timeout, () =>
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            return (IReadOnlyList<string>)States().Values
                .Where(s => ReadableConfig(manager, s.Name)?.DependsOn.Contains(name, StringComparer.OrdinalIgnoreCase) == true)
                .Select(s => s.Name)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .ToList();
        });

    /// <summary>
    /// Windows sets a start type in two calls: ChangeServiceConfig (the start type), then
    /// ChangeServiceConfig2 (the delayed-start flag). The two are one change here: when the second
    /// fails, the first is set back, so the service is as it was and the failure says so; if even that
    /// fails, the failure says exactly what the service is left with.
    /// </summary>
    public void SetStartType(string name, ServiceStartType startType) =>
        Change($"setting the start type of service \"{name}\"", _timeout, () =>
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            using var service = ServiceControlManager.OpenService(manager, name, Advapi32.ServiceChangeConfig | Advapi32.ServiceQueryConfig);
            var before = ServiceControlManager.QueryConfig(service);
            ServiceControlManager.ChangeStartType(service, ServiceCodes.FromStartType(startType));
            try
            {
                if (startType == ServiceStartType.AutomaticDelayed)
                {
                    ServiceControlManager.ChangeDelayedAutoStart(service, true);
                }
                else if (startType == ServiceStartType.Automatic && ServiceControlManager.IsDelayedAutoStart(service))
                {
                    // Only clear a flag that is set: where the flag does not exist (Wine), there is nothing to clear.
                    ServiceControlManager.ChangeDelayedAutoStart(service, false);
                }
            }
            catch (HostOperationException second)
            {
                throw RolledBack(service, name, before, startType, second);
            }
        });

    /// <summary>Sets the start type back after the delayed-start flag could not be set, and says what the service is left with.</summary>
    private static HostOperationException RolledBack(SafeServiceHandle service, string name, ServiceConfig before, ServiceStartType wanted, HostOperationException second)
    {
        var previous = ServiceCodes.ToStartType(before.StartType, before.DelayedAutoStart);
        var flag = wanted == ServiceStartType.AutomaticDelayed ? "set" : "cleared";
        try
        {
            ServiceControlManager.ChangeStartType(service, before.StartType);
        }
        catch (HostOperationException rollback)
        {
            return new HostOperationException(
                $"the delayed-start flag of service \"{name}\" could not be {flag} (ChangeServiceConfig2: {second.Message}), and setting its start type back to {ServiceNames.StartTypes.NameOf(previous)} failed too ({rollback.Message}): " +
                $"the service is left with start type {ServiceNames.StartTypes.NameOf(ServiceCodes.ToStartType(ServiceCodes.FromStartType(wanted), before.DelayedAutoStart))}",
                second.InnerException ?? second);
        }

        return new HostOperationException(
            $"the delayed-start flag of service \"{name}\" could not be {flag} (ChangeServiceConfig2: {second.Message}); its start type was set back to {ServiceNames.StartTypes.NameOf(previous)}, so nothing was changed",
            second.InnerException ?? second);
    }

    /// <summary>
    /// Sets an account that needs no password. The password argument follows ChangeServiceConfig's
    /// documentation: an empty string for LocalSystem, LocalService and NetworkService; NULL ("no
    /// password") for virtual accounts (NT SERVICE\…) and managed service accounts (…$), where it must be NULL.
    /// </summary>
    public void SetAccount(string name, string account)
    {
        if (!AccountName.NeedsNoPassword(account, _computerName))
        {
            throw new HostOperationException($"the account \"{account}\" needs a password, which baselines never hold; set it by hand.");
        }

        var (startName, password) = BuiltInAccounts.ForChangeServiceConfig(AccountName.Normalize(account, _computerName));
        Change($"setting the account of service \"{name}\"", _timeout, () =>
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            using var service = ServiceControlManager.OpenService(manager, name, Advapi32.ServiceChangeConfig);
            ServiceControlManager.ChangeAccount(service, startName, password);
        });
    }

    /// <summary>StartService starts stopped dependencies first, as the port expects; then the wait.</summary>
    public void Start(string name) =>
        Change($"starting service \"{name}\"", _timeout + CallGrace, () =>
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            using var service = ServiceControlManager.OpenService(manager, name, Advapi32.ServiceStart | Advapi32.ServiceQueryStatus);
            ServiceControlManager.Start(service);
            WaitFor(service, name, Advapi32.ServiceRunning);
        });

    public void Stop(string name) =>
        Change($"stopping service \"{name}\"", _timeout + CallGrace, () =>
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);
            using var service = ServiceControlManager.OpenService(manager, name, Advapi32.ServiceStop | Advapi32.ServiceQueryStatus);
            ServiceControlManager.SendStop(service);
            WaitFor(service, name, Advapi32.ServiceStopped);
        });

    /// <summary>The names of every installed service and driver (tests use it to find their leftovers).</summary>
    internal IReadOnlyList<string> InstalledNames() =>
        Call("listing services", _timeout, () => (IReadOnlyList<string>)States().Values.Select(s => s.Name).ToList());

    private void WaitFor(SafeServiceHandle service, string name, uint target)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = ServiceControlManager.QueryStatus(service);
            if (status.CurrentState == target)
            {
                return;
            }

            if (target == Advapi32.ServiceRunning && status.CurrentState == Advapi32.ServiceStopped)
            {
                var exit = status.Win32ExitCode == 0 ? "" : $": {Win32Failure.FromCode((int)status.Win32ExitCode).Message}";
                throw new HostOperationException($"the service \"{name}\" stopped again while starting{exit}");
            }

            var left = _timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new HostOperationException(
                    $"the service \"{name}\" did not get to {ServiceCodes.Describe(target)} within {HostCall.Describe(_timeout)}: it is {ServiceCodes.Describe(status.CurrentState)}.");
            }

            Thread.Sleep(left < PollInterval ? left : PollInterval);
        }
    }

    private Dictionary<string, (string Name, uint State)> States()
    {
        if (_states is null)
        {
            using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect | Advapi32.ScManagerEnumerateService);
            _states = ServiceControlManager.EnumerateStates(manager);
        }

        return _states;
    }

    /// <summary>The configuration, or null when the service is not installed (any more); other failures throw.</summary>
    private ServiceConfig? Config(SafeServiceHandle manager, string name)
    {
        if (!_configs.TryGetValue(name, out var config))
        {
            using var service = ServiceControlManager.TryOpenService(manager, name, Advapi32.ServiceQueryConfig);
            config = service is null ? null : ServiceControlManager.QueryConfig(service);
            _configs[name] = config;
        }

        return config;
    }

    /// <summary>As <see cref="Config"/>, but a configuration this process may not read counts as unknown.</summary>
    private ServiceConfig? ReadableConfig(SafeServiceHandle manager, string name)
    {
        try
        {
            return Config(manager, name);
        }
        catch (HostOperationException e) when (e.InnerException is System.ComponentModel.Win32Exception { NativeErrorCode: Win32Failure.AccessDenied })
        {
            return null;
        }
    }

    private T Call<T>(string what, TimeSpan timeout, Func<T> call) =>
        HostCall.RunNamed(what, timeout, () =>
        {
            lock (_lock)
            {
                return call();
            }
        });

    /// <summary>A change: whatever happens, the cached states and configurations are no longer the truth.</summary>
    private void Change(string what, TimeSpan timeout, Action change) =>
        Call(what, timeout, () =>
        {
            try
            {
                change();
                return true;
            }
            finally
            {
                _states = null;
                _configs.Clear();
            }
        });
}
