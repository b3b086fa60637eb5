using BackupReconciler.Baselines;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// An applying run with the run guarantees around it: one run per host at a time (the lock), every
/// change journaled, a previous run that never finished reported, a saved plan checked against the
/// host right before changing it, and a snapshot written back at the end.
/// </summary>
public sealed class GuardedRun(string stateDirectory, TimeProvider clock, ILogger log, Func<string, string> redact)
{
    /// <param name="description">Who holds the lock, for a waiting run's message: "apply dpm-server.json".</param>
    /// <param name="restarts">When restarts may happen; the restarts earlier runs deferred are added from the journals.</param>
    public RunResult Apply(IHost host, Baseline baseline, string command, string description, TimeSpan lockTimeout, (SavedPlan Plan, string Path)? saved = null, RestartPolicy? restarts = null)
    {
        using var runLock = RunLock.Acquire(stateDirectory, host.ComputerName, description, lockTimeout, clock);
        var reconciler = new Reconciler(host, log, clock)
        {
            Restarts = (restarts ?? RestartPolicy.Default) with { Pending = PendingRestarts.Read(stateDirectory, host.ComputerName) },
        };
        if (saved is var (plan, path) && plan.Moved(reconciler.Run(baseline, "plan", whatIf: true), redact) is { Count: > 0 } moved)
        {
            throw new InputException(null,
                $"the host no longer matches the saved plan {path} ({plan.CreatedAt}), so nothing was applied: {string.Join("; ", moved)}. Make a new plan.");
        }

        var notices = Notices(host, runLock);
        foreach (var notice in notices)
        {
            log.Warning("{Notice}", notice);
        }

        var runId = RunId.New(clock.GetUtcNow());
        using var journal = new FileRunJournal(stateDirectory, runId, redact);
        var run = reconciler.Run(baseline, command, whatIf: false, runId, journal);
        run = run with { Notices = [.. notices, .. run.Notices] };
        if (host is SnapshotHost snapshot)
        {
            snapshot.Save();
        }

        return run;
    }

    private List<string> Notices(IHost host, RunLock runLock)
    {
        var notices = new List<string>();
        if (runLock.TakenOverFrom is { } holder)
        {
            notices.Add($"took over the lock left by {holder}, which is no longer running");
        }

        var previous = RunRecord.Latest(stateDirectory, host.ComputerName);
        if (previous is { Complete: false })
        {
            notices.Add($"the previous run {previous.RunId} ({previous.Command} {previous.Baseline}, {previous.Time}) was interrupted"
                + (previous.InterruptedWhileChanging is { } resource ? $" while changing \"{resource}\"" : "")
                + "; this run re-reads everything and converges; its journal keeps what it did");
        }

        return notices;
    }
}
