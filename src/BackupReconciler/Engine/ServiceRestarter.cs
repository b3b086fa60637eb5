using BackupReconciler.Baselines;
using BackupReconciler.Host;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// Deferred restarts: once each, after every resource ran. Running dependents are restarted too,
/// as Windows requires; stops go dependents-first and starts in the reverse order.
/// </summary>
internal sealed class ServiceRestarter(IServiceControl services, ILogger log)
{
    /// <param name="startedByRun">Services a what-if run would have started by now: planned as running.</param>
    public IReadOnlyList<RestartResult> Run(IReadOnlyList<(string Service, string RequestedBy)> requests, bool whatIf, IReadOnlySet<string> startedByRun)
    {
        var results = new List<RestartResult>();
        var toRestart = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // service -> reason
        foreach (var group in requests.GroupBy(r => r.Service, StringComparer.OrdinalIgnoreCase))
        {
            var reason = "requested by " + string.Join(", ", group.Select(r => r.RequestedBy).Distinct(StringComparer.OrdinalIgnoreCase));
            ServiceInfo? service;
            try
            {
                service = services.Find(group.Key);
            }
            catch (HostOperationException e)
            {
                results.Add(new RestartResult(group.Key, RestartStatus.Failed, reason, e.Message));
                continue;
            }

            if (service is null)
            {
                results.Add(new RestartResult(group.Key, RestartStatus.Failed, reason, "the service is not installed"));
            }
            else if (service.State != ServiceState.Running && !startedByRun.Contains(service.Name))
            {
                results.Add(new RestartResult(service.Name, RestartStatus.NotRunning, reason + "; not running, so the change applies when it next starts", null));
            }
            else
            {
                toRestart.TryAdd(service.Name, reason);
            }
        }

        AddRunningDependents(toRestart, startedByRun);
        var stopOrder = StopOrder(toRestart.Keys.ToList());
        if (whatIf)
        {
            results.AddRange(stopOrder.Select(s => new RestartResult(s, RestartStatus.Planned, toRestart[s], null)));
            return results;
        }

        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var stopped = new List<string>();
        foreach (var service in stopOrder)
        {
            if (Try(() => services.Stop(service), service, "stop", errors))
            {
                stopped.Add(service);
            }
        }

        foreach (var service in Enumerable.Reverse(stopped))
        {
            Try(() => services.Start(service), service, "start", errors);
        }

        results.AddRange(stopOrder.Select(s => errors.TryGetValue(s, out var error)
            ? new RestartResult(s, RestartStatus.Failed, toRestart[s], error)
            : new RestartResult(s, RestartStatus.Restarted, toRestart[s], null)));
        return results;
    }

    private void AddRunningDependents(Dictionary<string, string> toRestart, IReadOnlySet<string> startedByRun)
    {
        var pending = new Queue<string>(toRestart.Keys);
        while (pending.TryDequeue(out var service))
        {
            foreach (var dependent in services.DependentsOf(service))
            {
                if (!toRestart.ContainsKey(dependent) && services.Find(dependent) is { } running
                    && (running.State == ServiceState.Running || startedByRun.Contains(running.Name)))
                {
                    toRestart[running.Name] = $"depends on {service}";
                    pending.Enqueue(running.Name);
                }
            }
        }
    }

    /// <summary>Each service after every service in the set that depends on it.</summary>
    private List<string> StopOrder(List<string> set)
    {
        var dependents = set.ToDictionary(
            s => s,
            s => services.DependentsOf(s).Where(d => set.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList(),
            StringComparer.OrdinalIgnoreCase);
        var (ordered, _) = DependencyOrder.Sort(set, s => s, s => dependents[s]);
        return [.. ordered];
    }

    private bool Try(Action action, string service, string verb, Dictionary<string, string> errors)
    {
        try
        {
            action();
            log.Information("Restart of {Service}: {Verb} done", service, verb);
            return true;
        }
        catch (HostOperationException e)
        {
            log.Warning("Restart of {Service}: could not {Verb}: {Error}", service, verb, e.Message);
            errors.TryAdd(service, $"could not {verb}: {e.Message}");
            return false;
        }
    }
}
