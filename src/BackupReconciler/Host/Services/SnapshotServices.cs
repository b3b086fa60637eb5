using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Resources.Service;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Services;

/// <summary>
/// The snapshot's <c>services</c> section with the Service Control Manager's rules: starting a
/// service starts its stopped dependencies first and fails if one is disabled; stopping fails
/// while running services depend on it. Errors carry Windows' own text and code.
/// </summary>
public sealed class SnapshotServices(FaultInjector faults) : SnapshotSection("services", faults, Faults), IServiceControl
{
    public static readonly FaultKind Faults = FaultKind.Named("service", "name", 1);

    private readonly Dictionary<string, ServiceInfo> _services = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            var service = JsonObjectReader.ForObject(property.Value, file, "service \"{0}\"", property.Name);
            var info = new ServiceInfo(
                property.Name,
                service.OptionalEnum("startType", ServiceNames.StartTypes) ?? ServiceStartType.Manual,
                service.OptionalEnum("state", ServiceNames.States) ?? ServiceState.Stopped,
                service.OptionalString("account") ?? @"NT AUTHORITY\SYSTEM",
                service.OptionalStringList("dependsOn") ?? []);
            service.RejectUnknownMembers();
            if (!_services.TryAdd(property.Name, info))
            {
                throw reader.Error(property, $"the service \"{property.Name}\" appears twice (service names ignore case); keep one.");
            }
        }
    }

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_services.Values, s => s.Name, sorted).Select(s => new JProperty(s.Name, new JObject
        {
            ["startType"] = ServiceNames.StartTypes.NameOf(s.StartType),
            ["state"] = ServiceNames.States.NameOf(s.State),
            ["account"] = s.Account,
            ["dependsOn"] = new JArray(s.DependsOn.Cast<object>().ToArray()),
        })));

    /// <summary>Records a service a capture read; false when it was recorded already.</summary>
    internal bool RecordService(ServiceInfo service)
    {
        var added = _services.TryAdd(service.Name, service);
        MarkRecorded();
        return added;
    }

    public ServiceInfo? Find(string name)
    {
        CheckRead(name);
        return _services.GetValueOrDefault(name);
    }

    public IReadOnlyList<string> DependentsOf(string name) =>
        _services.Values
            .Where(s => s.DependsOn.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .ToList();

    public void SetStartType(string name, ServiceStartType startType) =>
        Update(Get(name, FaultOperation.Set) with { StartType = startType });

    public void SetAccount(string name, string account) =>
        Update(Get(name, FaultOperation.Set) with { Account = account });

    public void Start(string name) => Start(name, []);

    public void Stop(string name)
    {
        var service = Get(name, FaultOperation.Set);
        if (service.State == ServiceState.Stopped)
        {
            throw new HostOperationException("The service has not been started. (1062)");
        }

        if (DependentsOf(name).Any(d => _services[d].State != ServiceState.Stopped))
        {
            throw new HostOperationException("A stop control has been sent to a service that other running services are dependent on. (1051)");
        }

        Update(service with { State = ServiceState.Stopped });
    }

    private void Start(string name, HashSet<string> starting)
    {
        var service = Get(name, FaultOperation.Set);
        if (service.State == ServiceState.Running)
        {
            throw new HostOperationException("An instance of the service is already running. (1056)");
        }

        if (service.StartType == ServiceStartType.Disabled)
        {
            throw new HostOperationException("The service cannot be started, either because it is disabled or because it has no enabled devices associated with it. (1058)");
        }

        starting.Add(name);
        foreach (var dependency in service.DependsOn)
        {
            if (!_services.TryGetValue(dependency, out var required))
            {
                throw new HostOperationException($"The dependency service does not exist or has been marked for deletion. (1075: {dependency})");
            }

            if (required.State == ServiceState.Running || starting.Contains(dependency))
            {
                continue;
            }

            if (required.StartType == ServiceStartType.Disabled)
            {
                throw new HostOperationException($"The dependency service or group failed to start. (1068: {dependency} is disabled)");
            }

            Start(dependency, starting);
        }

        Update(service with { State = ServiceState.Running });
    }

    private ServiceInfo Get(string name, FaultOperation operation)
    {
        Check(operation, name);
        return _services.TryGetValue(name, out var service)
            ? service
            : throw new HostOperationException("The specified service does not exist as an installed service. (1060)");
    }

    private void Update(ServiceInfo service)
    {
        _services[service.Name] = service;
        MarkChanged();
    }
}
