using BackupReconciler.Baselines;
using BackupReconciler.Host;
using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.Services;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// Deferred restarts: once each, after every resource ran. Running dependents are restarted too,
/// as Windows requires; stops go dependents-first and starts in the reverse order. Before restarting a
/// service that backup work depends on, the host is asked what runs (<see cref="BackupRestartGate"/>): a
/// restart that would kill running backup work, or fall outside the restart window, is deferred to a later run.
/// </summary>
internal sealed class ServiceRestarter(IServiceControl services, IBackupActivity activity, RestartPolicy policy, ILogger log)
{
    private const string RequestedBy = "requested by ";

    /// <summary>"dpm-agent-timeouts (deferred by run R1)": the first run that deferred it stays named when it is deferred again.</summary>
    private static string CarriedOver(PendingRestart pending)
    {
        var who = pending.Reason.StartsWith(RequestedBy, StringComparison.Ordinal) ? pending.Reason[RequestedBy.Length..] : pending.Reason;
        return who.Contains("(deferred by run ", StringComparison.Ordinal) ? who : $"{who} (deferred by run {pending.RunId})";
    }

    /// <summary>What the run should tell the operator about its restarts (such as --restart-now overriding a backup).</summary>
    public List<string> Notices { get; } = [];

    /// <param name="startedByRun">Services a what-if run would have started by now: planned as running.</param>
    public IReadOnlyList<RestartResult> Run(IReadOnlyList<(string Service, string RequestedBy)> requests, bool whatIf, IReadOnlySet<string> startedByRun)
    {
        requests = [.. requests, .. policy.Pending.Select(p => (p.Service, CarriedOver(p)))];
        var results = new List<RestartResult>();
        var toRestart = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // service -> reason
        foreach (var group in requests.GroupBy(r => r.Service, StringComparer.OrdinalIgnoreCase))
        {
            var reason = RequestedBy + string.Join(", ", group.Select(r => r.RequestedBy).Distinct(StringComparer.OrdinalIgnoreCase));
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
        var allInOrder = StopOrder(toRestart.Keys.ToList());
        var deferred = new BackupRestartGate(activity, policy, services, log).Deferrals(allInOrder, Notices);
        results.AddRange(allInOrder.Where(deferred.ContainsKey).Select(s =>
            new RestartResult(s, RestartStatus.Deferred, toRestart[s], null) { Running = deferred[s].Running, Waiting = deferred[s].Why }));
        var stopOrder = allInOrder.Where(s => !deferred.ContainsKey(s)).ToList();
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
