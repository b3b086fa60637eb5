using BackupReconciler.Host;
using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.Services;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// Decides which planned restarts must wait. The rules, in order:
/// <list type="number">
/// <item><c>--restart-now</c>: nothing waits; when backup work runs (or cannot be read) the run's notices say
/// so, naming the work.</item>
/// <item>A "disruptive" restart is one of a service backup work depends on (<see cref="BackupServices"/>), or
/// of a service the running work names. Outside <c>--restart-window</c> (host-local time) disruptive
/// restarts wait.</item>
/// <item>Inside the window (or without one) the host is asked once what backup work runs; a restart of a
/// service that running work depends on waits, naming the work. When the host cannot say, every disruptive
/// restart waits: unknown is treated as busy.</item>
/// <item>Restarts are planned together with their dependents: when one service of a connected group (the
/// services in the plan linked by dependencies) waits, the whole group waits, so a dependency is never
/// restarted under a dependent that must not stop, and order and dependents are kept for the next run.</item>
/// </list>
/// </summary>
internal sealed class BackupRestartGate(IBackupActivity activity, RestartPolicy policy, IServiceControl services, ILogger log)
{
    public Dictionary<string, (string Why, IReadOnlyList<string> Running)> Deferrals(IReadOnlyList<string> planned, List<string> notices)
    {
        var deferred = new Dictionary<string, (string Why, IReadOnlyList<string> Running)>(StringComparer.OrdinalIgnoreCase);
        if (planned.Count == 0)
        {
            return deferred;
        }

        var (running, readError) = Read();
        if (policy.Now)
        {
            if (readError is not null)
            {
                notices.Add($"--restart-now: the restarts of {string.Join(", ", planned)} did not wait, although whether backup work runs could not be told ({readError}); each restart's status says what became of it");
            }
            else if (running.Count > 0 && planned.Where(s => IsNeededBy(s, running).Count > 0).ToList() is { Count: > 0 } hit)
            {
                notices.Add($"--restart-now: the restarts of {string.Join(", ", hit)} did not wait for the backup work that needs them: {string.Join("; ", running.Select(w => w.Describe()))}; each restart's status says what became of it");
            }

            return deferred;
        }

        var blocked = new Dictionary<string, (string Why, IReadOnlyList<string> Running)>(StringComparer.OrdinalIgnoreCase);
        var local = policy.Window is null ? default : activity.LocalNow();
        foreach (var service in planned)
        {
            var disruptive = BackupServices.IsBackupService(service) || IsNeededBy(service, running).Count > 0;
            if (!disruptive)
            {
                continue;
            }

            if (policy.Window is { } window && !window.Contains(TimeOnly.FromDateTime(local.DateTime)))
            {
                blocked[service] = ($"outside the restart window {window} (host time {local:HH\\:mm})", []);
            }
            else if (readError is not null)
            {
                blocked[service] = ($"could not tell whether backup work runs ({readError}), so it is treated as running", []);
            }
            else if (IsNeededBy(service, running) is { Count: > 0 } work)
            {
                blocked[service] = ("backup work that needs it is running: " + string.Join("; ", work), work);
            }
        }

        foreach (var group in Groups(planned))
        {
            if (group.FirstOrDefault(blocked.ContainsKey) is { } cause)
            {
                foreach (var service in group)
                {
                    deferred[service] = blocked.TryGetValue(service, out var own)
                        ? own
                        : ($"restarted together with {cause}, which waits: {blocked[cause].Why}", blocked[cause].Running);
                }
            }
        }

        foreach (var (service, (why, _)) in deferred)
        {
            log.Warning("Restart of {Service} deferred: {Why}", service, why);
        }

        return deferred;
    }

    private (IReadOnlyList<BackupWork> Running, string? Error) Read()
    {
        try
        {
            return (activity.ReadRunning(), null);
        }
        catch (HostOperationException e)
        {
            return ([], e.Message);
        }
    }

    private static List<string> IsNeededBy(string service, IReadOnlyList<BackupWork> running) =>
        running.Where(w => w.Services.Contains(service, StringComparer.OrdinalIgnoreCase)).Select(w => w.Describe()).ToList();

    /// <summary>The planned services split into groups linked by dependencies among them, each in plan order.</summary>
    private List<List<string>> Groups(IReadOnlyList<string> planned)
    {
        var group = planned.ToDictionary(s => s, s => s, StringComparer.OrdinalIgnoreCase);
        string Root(string s) => group[s].Equals(s, StringComparison.OrdinalIgnoreCase) ? s : group[s] = Root(group[s]);
        foreach (var service in planned)
        {
            foreach (var dependent in services.DependentsOf(service).Where(group.ContainsKey))
            {
                group[Root(dependent)] = Root(service);
            }
        }

        return planned.GroupBy(Root, StringComparer.OrdinalIgnoreCase).Select(g => g.ToList()).ToList();
    }
}
