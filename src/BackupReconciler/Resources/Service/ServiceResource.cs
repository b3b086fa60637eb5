using BackupReconciler.Host;
using BackupReconciler.Host.Services;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Service;

/// <summary>A Windows service's start type, state and logon account; only what is declared is compared.</summary>
public sealed record ServiceResource(string Name, ServiceStartType? StartType, ServiceState? State, string? Account)
    : Resource<ServiceActual>, IStartsService, IClaimsSettings
{
    public string? StartsService => State == ServiceState.Running ? Name : null;

    /// <summary>
    /// <c>startType: notDisabled</c>: any start type but disabled. Drift is a manual step: which start type
    /// the service should have instead is the administrator's to choose.
    /// </summary>
    public bool MustNotBeDisabled { get; init; }

    public IEnumerable<SettingClaim> Claims
    {
        get
        {
            if (StartType is { } startType)
            {
                yield return SettingClaim.Of($"service|{Name}|startType", $"the start type of service \"{Name}\"", ServiceNames.StartTypes.NameOf(startType));
            }

            if (State is { } state)
            {
                yield return SettingClaim.Of($"service|{Name}|state", $"the state of service \"{Name}\"", ServiceNames.States.NameOf(state));
            }
        }
    }

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
            differences.Add(Difference.Of("startType", DifferenceValue.Text(ServiceNames.StartTypes.NameOf(service.StartType)), DifferenceValue.Text(ServiceNames.StartTypes.NameOf(startType))));
        }

        if (MustNotBeDisabled && service.StartType == ServiceStartType.Disabled)
        {
            differences.Add(Difference.Manual("startType", DifferenceValue.Text(ServiceNames.StartTypes.NameOf(service.StartType)), DifferenceValue.Text(ServiceResourceType.NotDisabled),
                $"service \"{Name}\" is disabled; set its start type to Manual (or Automatic) in services.msc"));
        }

        if (Account is not null && !AccountName.AreSame(Account, service.Account, host.ComputerName))
        {
            var desired = AccountName.Normalize(Account, host.ComputerName);
            differences.Add(AccountName.NeedsNoPassword(Account, host.ComputerName)
                ? Difference.Of("account", DifferenceValue.Text(service.Account), DifferenceValue.Text(desired))
                : Difference.Manual("account", DifferenceValue.Text(service.Account), DifferenceValue.Text(desired),
                    $"set the logon account of service \"{Name}\" to {desired} in services.msc: that account needs a password, which baselines never hold"));
        }

        if (State is { } state && state != service.State)
        {
            var difference = Difference.Of("state", DifferenceValue.Text(ServiceNames.States.NameOf(service.State)), DifferenceValue.Text(ServiceNames.States.NameOf(state)));
            var blocker = state == ServiceState.Stopped ? StopBlocker(host) : StartBlocker(host, service);
            differences.Add(blocker is null ? difference : difference with { Unreachable = blocker });
        }

        return differences;
    }

    /// <summary>Why Windows will refuse the stop (1051), read from the same state the plan sees; null when nothing stands in the way.</summary>
    private string? StopBlocker(IHost host)
    {
        var running = host.Services.DependentsOf(Name).Where(d => host.Services.Find(d) is { State: not ServiceState.Stopped }).ToList();
        return running.Count == 0 ? null
            : $"services that depend on \"{Name}\" are running ({string.Join(", ", running)}), and Windows refuses to stop a service while they run (1051); "
              + "stop them first (a service resource with \"state\": \"stopped\" that this one dependsOn), or do not stop this one";
    }

    /// <summary>Why Windows will refuse the start: the service stays disabled (1058), or a dependency is missing (1075) or disabled (1068).</summary>
    private string? StartBlocker(IHost host, ServiceInfo service)
    {
        if ((StartType ?? service.StartType) == ServiceStartType.Disabled)
        {
            return $"\"{Name}\" is disabled and the baseline does not change its start type, and Windows does not start a disabled service (1058); declare a \"startType\" other than disabled";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Name };
        var pending = new Queue<string>(service.DependsOn);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            switch (host.Services.Find(name))
            {
                case null:
                    return $"\"{Name}\" depends on \"{name}\", which is not installed (1075); install it or correct the dependency";
                case { State: ServiceState.Running }:
                    continue;
                case { StartType: ServiceStartType.Disabled }:
                    return $"\"{Name}\" depends on \"{name}\", which is disabled, so Windows cannot start it (1068); enable \"{name}\" first";
                case var dependency:
                    foreach (var next in dependency.DependsOn)
                    {
                        pending.Enqueue(next);
                    }

                    break;
            }
        }

        return null;
    }

    public override UndoStep UndoOf(ServiceActual actual, IReadOnlyList<Difference> changes)
    {
        var properties = new JObject { ["name"] = Name };
        foreach (var change in changes)
        {
            properties[change.Property] = change.Actual?.ToJson();
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
