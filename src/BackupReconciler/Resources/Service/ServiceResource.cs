using BackupReconciler.Host;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Service;

/// <summary>A Windows service's start type, state and logon account; only what is declared is compared.</summary>
public sealed record ServiceResource(string Name, ServiceStartType? StartType, ServiceState? State, string? Account)
    : Resource<ServiceActual>, IStartsService
{
    public string? StartsService => State == ServiceState.Running ? Name : null;

    /// <summary>
    /// <c>startType: notDisabled</c>: any start type but disabled. Drift is a manual step: which start type
    /// the service should have instead is the administrator's to choose.
    /// </summary>
    public bool MustNotBeDisabled { get; init; }

    public override string TypeName => ServiceResourceType.TypeName;

    public override ServiceActual Read(IHost host)
    {
        if (host.Services.Find(Name) is not { } service)
        {
            throw new HostOperationException($"the service \"{Name}\" is not installed on {host.ComputerName}; install the product that provides it, or correct the name.");
        }

        return new ServiceActual(service) { ComputerName = host.ComputerName };
    }

    public override IReadOnlyList<Difference> Compare(ServiceActual actual, IHost host)
    {
        var service = actual.Service;
        var differences = new List<Difference>();
        if (StartType is { } startType && startType != service.StartType)
        {
            differences.Add(Difference.Of("startType", ServiceNames.StartTypes.NameOf(service.StartType), ServiceNames.StartTypes.NameOf(startType)));
        }

        if (MustNotBeDisabled && service.StartType == ServiceStartType.Disabled)
        {
            differences.Add(Difference.Manual("startType", ServiceNames.StartTypes.NameOf(service.StartType), ServiceResourceType.NotDisabled,
                $"service \"{Name}\" is disabled; set its start type to Manual (or Automatic) in services.msc"));
        }

        if (Account is not null && !AccountName.AreSame(Account, service.Account, host.ComputerName))
        {
            var desired = AccountName.Normalize(Account, host.ComputerName);
            differences.Add(AccountName.NeedsNoPassword(Account, host.ComputerName)
                ? Difference.Of("account", service.Account, desired)
                : Difference.Manual("account", service.Account, desired,
                    $"set the logon account of service \"{Name}\" to {desired} in services.msc: that account needs a password, which baselines never hold"));
        }

        if (State is { } state && state != service.State)
        {
            differences.Add(Difference.Of("state", ServiceNames.States.NameOf(service.State), ServiceNames.States.NameOf(state)));
        }

        return differences;
    }

    public override UndoStep UndoOf(ServiceActual actual, IReadOnlyList<Difference> changes)
    {
        var properties = new JObject { ["name"] = Name };
        foreach (var change in changes)
        {
            properties[change.Property] = change.Actual?.DeepClone();
        }

        // A paused service cannot be declared; an account with a password cannot be set by this tool.
        if (actual.Service.State == ServiceState.Paused && changes.Any(c => c.Property == "state"))
        {
            return UndoStep.Cannot($"service \"{Name}\" was paused, a state a baseline cannot ask for");
        }

        return changes.Any(c => c.Property == "account") && !AccountName.NeedsNoPassword(actual.Service.Account, actual.ComputerName)
            ? UndoStep.Cannot($"service \"{Name}\" ran as {actual.Service.Account}, an account with a password; set it back in services.msc")
            : UndoStep.With(ServiceResourceType.TypeName, properties);
    }

    public override void Apply(IHost host, ServiceActual actual, IReadOnlyList<Difference> changes)
    {
        // Start type and account first: a disabled service cannot be started, and a new account takes effect on start.
        if (changes.Any(c => c.Property == "startType"))
        {
            host.Services.SetStartType(Name, StartType!.Value);
        }

        if (changes.Any(c => c.Property == "account"))
        {
            host.Services.SetAccount(Name, AccountName.Normalize(Account!, host.ComputerName));
        }

        if (changes.Any(c => c.Property == "state"))
        {
            if (State == ServiceState.Running)
            {
                host.Services.Start(Name);
            }
            else
            {
                host.Services.Stop(Name);
            }
        }
    }
}

/// <summary>What <c>get</c> shows for a service.</summary>
public sealed record ServiceActual(ServiceInfo Service) : IActualState
{
    /// <summary>The host's name, for account comparisons made after the read (<c>.\name</c>).</summary>
    public string ComputerName { get; init; } = "";

    public JToken ToJson() => new JObject
    {
        ["name"] = Service.Name,
        ["startType"] = ServiceNames.StartTypes.NameOf(Service.StartType),
        ["state"] = ServiceNames.States.NameOf(Service.State),
        ["account"] = Service.Account,
        ["dependsOn"] = new JArray(Service.DependsOn.Cast<object>().ToArray()),
    };
}
