using BackupReconciler.Baselines;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Input;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// An applying run with the run guarantees around it: one run per host at a time (the lock), every
/// change journaled, a previous run that never finished reported, a saved plan checked against the
/// host right before changing it, the host made durable after each resource (IHost.Commit), and a stop
/// request honoured between resources.
/// </summary>
public sealed class GuardedRun(string stateDirectory, TimeProvider clock, ILogger log, SecretRedactor secrets, CancellationToken stop = default)
{
    /// <summary>Told before each resource, as <see cref="Reconciler.Progress"/>.</summary>
    public Action<ResourceProgress>? Progress { get; init; }

    /// <param name="description">Who holds the lock, for a waiting run's message: "apply dpm-server.json".</param>
    /// <param name="restarts">When restarts may happen; the restarts earlier runs deferred are added from the journals.</param>
    public RunResult Apply(IHost host, Baseline baseline, string command, string description, TimeSpan lockTimeout, (SavedPlan Plan, string Path)? saved = null, RestartPolicy? restarts = null)
    {
        using var runLock = RunLock.Acquire(stateDirectory, host.ComputerName, description, lockTimeout, clock);
        var reconciler = new Reconciler(host, log, clock, stop)
        {
            Redact = secrets.Redact,
            Progress = Progress,
            Restarts = (restarts ?? RestartPolicy.Default) with { Pending = PendingRestarts.Read(stateDirectory, host.ComputerName) },
        };
        if (saved is var (plan, path))
        {
            plan.EnsureStillMatches(reconciler.Run(baseline, "plan", whatIf: true), path, secrets, whatIf: false);
        }

        var previous = RunRecord.Latest(stateDirectory, host.ComputerName);
        var notices = Notices(runLock, previous);
        foreach (var notice in notices)
        {
            log.Warning("{Notice}", notice);
        }

        var runId = RunId.New(clock.GetUtcNow(), after: previous?.RunId);
        using var journal = new FileRunJournal(stateDirectory, runId, host.ComputerName, secrets, stop);
        var run = reconciler.Run(baseline, command, whatIf: false, runId, journal);
        run = run with { Notices = [.. notices, .. run.Notices] };
        try
        {
            host.Commit(); // what the restarts changed; each resource's change is durable already
        }
        catch (HostOperationException e)
        {
            log.Error("The state after the restarts was not written back: {Problem}", e.Message);
        }

        return run;
    }

    private static List<string> Notices(RunLock runLock, RunRecord? previous)
    {
        var notices = new List<string>();
        if (runLock.TakenOverFrom is { } holder)
        {
            notices.Add($"took over the lock left by {holder}, which is no longer running");
        }

        if (previous is { Damaged: true })
        {
            notices.Add($"the previous run {previous.RunId} left a damaged journal ({string.Join("; ", previous.Damage)}); this run re-reads everything and converges");
        }
        else if (previous is { Complete: false } || previous is { Stopped: true })
        {
            notices.Add($"the previous run {previous.RunId} ({previous.Command} {previous.Baseline}, {previous.Time}) was interrupted"
                + (previous.InterruptedWhileChanging is { } resource ? $" while changing \"{resource}\"" : "")
                + "; this run re-reads everything and converges; its journal keeps what it did");
        }

        return notices;
    }
}
