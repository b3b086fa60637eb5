using BackupReconciler.Baselines;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Resources;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// Runs a baseline against a host: every resource in dependency order inside its own failure
/// boundary, dependents of a failed resource skipped, then the deferred service restarts once each.
/// </summary>
/// <param name="stop">Ctrl+C or SIGTERM: the resource in progress finishes, the rest are skipped, no restarts are done.</param>
public sealed class Reconciler(IHost host, ILogger log, TimeProvider clock, CancellationToken stop = default)
{
    /// <summary>
    /// The run's secret masking: an undo that would have to write a secret back cannot be journaled,
    /// so plan and apply report such a change as not undoable.
    /// </summary>
    public Func<string, string> Redact { get; init; } = text => text;

    /// <summary>When the run's restarts may happen, and the restarts earlier runs deferred.</summary>
    public RestartPolicy Restarts { get; init; } = RestartPolicy.Default;

    /// <summary>Told before each resource is read (and changed), so a long run can show where it is.</summary>
    public Action<ResourceProgress>? Progress { get; init; }

    /// <param name="journal">Where an applying run records each change; what-if runs record nothing.</param>
    public RunResult Run(Baseline baseline, string command, bool whatIf, string? runId = null, IRunJournal? journal = null)
    {
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        runId ??= RunId.New(startedAt);
        journal = whatIf ? NoJournal.Instance : journal ?? NoJournal.Instance;
        journal.Started(runId, command, baseline.Name, host.ComputerName, startedAt);
        log.Information("Run {RunId}: {Command} {Baseline} on {Host}{WhatIf}", runId, command, baseline.Name, host.ComputerName, whatIf ? " (what-if)" : "");

        var runner = new ResourceRunner(host, log, journal, Redact);
        var results = new Dictionary<string, ResourceResult>(StringComparer.OrdinalIgnoreCase);
        var manualSteps = new List<ManualStep>();
        var restarts = new List<(string Service, string RequestedBy)>();
        var startedServices = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var (ordered, _) = DependencyOrder.Sort(baseline.Resources, r => r.Id, r => r.DependsOn);
        var position = 0;
        foreach (var declaration in ordered)
        {
            Progress?.Invoke(new ResourceProgress(++position, ordered.Count, declaration.Id, whatIf));
            if (stop.IsCancellationRequested)
            {
                results[declaration.Id] = ResourceRunner.Result(declaration, ResourceStatus.Skipped, [], "not run: the run was stopped (Ctrl+C or SIGTERM) after the resource in progress");
                continue;
            }

            // A predicted failure blocks its dependents in what-if as the failure itself will in apply.
            var blocker = declaration.DependsOn.FirstOrDefault(d => results[d].Status is ResourceStatus.Failed or ResourceStatus.Skipped or ResourceStatus.PredictedFailure);
            if (blocker is not null)
            {
                var error = $"skipped because \"{blocker}\" " + results[blocker].Status switch
                {
                    ResourceStatus.Failed => "failed",
                    ResourceStatus.PredictedFailure => "is predicted to fail",
                    _ => "was skipped",
                };
                log.Warning("{Resource}: {Error}", declaration.Id, error);
                results[declaration.Id] = ResourceRunner.Result(declaration, ResourceStatus.Skipped, [], error) with { Source = FailureSource.Precondition };
                continue;
            }

            var outcome = runner.Run(declaration, whatIf);
            results[declaration.Id] = outcome.Result;
            manualSteps.AddRange(outcome.ManualSteps);
            if (outcome.WillChange)
            {
                if (declaration.Resource is IStartsService { StartsService: { } service })
                {
                    startedServices.Add(service);
                }

                restarts.AddRange(declaration.RestartServices.Concat(declaration.Resource.RestartsWhenChanged).Select(s => (s, declaration.Id)));
            }

            log.Debug("{Resource}: {Status}", declaration.Id, outcome.Result.Status);
        }

        if (stop.IsCancellationRequested)
        {
            log.Warning("Run {RunId} stopped on request: the resource in progress finished, the rest were skipped, no service was restarted", runId);
            restarts.Clear();
        }

        var restarter = new ServiceRestarter(host.Services, host.BackupActivity, Restarts, log);
        var restartResults = restarter.Run(restarts, whatIf, whatIf ? startedServices : new HashSet<string>());
        foreach (var restart in restartResults)
        {
            journal.Restarted(restart);
        }

        var result = new RunResult(
            command,
            runId,
            whatIf,
            baseline.Name,
            host.ComputerName,
            startedAt,
            clock.GetElapsedTime(started),
            baseline.Resources.Select(r => results[r.Id]).ToList(),
            restartResults,
            manualSteps) { Notices = restarter.Notices };
        journal.Finished(result);
        var s = result.Summary;
        log.Information("Run {RunId} done: {Total} resources, {Compliant} compliant, {Drifted} drifted, {Changed} changed, {Manual} manual, {Failed} failed, {Skipped} skipped, {PredictedFailure} predicted to fail, {NotUndoable} not undoable",
            runId, s.Total, s.Compliant, s.Drifted, s.Changed, s.Manual, s.Failed, s.Skipped, s.PredictedFailure, s.NotUndoable);
        return result;
    }

    /// <summary>The actual state of every declared resource, for <c>get</c>; a resource that cannot be read carries its error.</summary>
    public IReadOnlyList<(ResourceDeclaration Declaration, Resources.IActualState? Actual, string? Error)> Get(Baseline baseline)
    {
        var states = new List<(ResourceDeclaration, Resources.IActualState?, string?)>();
        foreach (var declaration in baseline.Resources)
        {
            try
            {
                states.Add((declaration, declaration.Resource.Observe(host).Actual, null));
            }
            catch (HostOperationException e)
            {
                states.Add((declaration, null, $"could not read: {e.Message}"));
            }
        }

        return states;
    }
}
