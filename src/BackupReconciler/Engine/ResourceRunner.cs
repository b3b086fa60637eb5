using BackupReconciler.Baselines;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Resources;
using Serilog;

namespace BackupReconciler.Engine;

/// <summary>
/// Runs one resource inside its own failure boundary: observe, then (apply mode) change exactly the
/// differences found, observe again and verify. Any failure becomes this resource's result.
/// </summary>
internal sealed class ResourceRunner(IHost host, ILogger log, IRunJournal journal, Func<string, string> redact)
{
    public ResourceOutcome Run(ResourceDeclaration declaration, bool whatIf)
    {
        var resource = declaration.Resource;
        if (resource is INotUndoable refused)
        {
            // By design, not a failure: the report says what cannot be taken back and why.
            return new ResourceOutcome(Result(declaration, ResourceStatus.NotUndoable, [], refused.Reason), [], WillChange: false);
        }

        if (Attempt(declaration, "read", FailureSource.HostRead, () => resource.Observe(host), out var observed) is { } readError)
        {
            return Failed(declaration, [], readError);
        }

        if (observed.Differences.Count == 0)
        {
            return new ResourceOutcome(Result(declaration, ResourceStatus.Compliant, [], null), [], WillChange: false);
        }

        var differences = InAuditMode(declaration, observed.Differences);
        var changes = differences.Where(d => !d.IsManual).ToList();
        var manualSteps = differences.Where(d => d.IsManual).Select(d => ManualStepFor(declaration, d)).ToList();
        if (changes.Count == 0)
        {
            return new ResourceOutcome(Result(declaration, ResourceStatus.Manual, differences, null), manualSteps, WillChange: false);
        }

        // Worked out before anything changes (and in what-if too), so plan can say which changes undo cannot take back.
        var undo = UndoOf(declaration, observed, changes);
        if (!undo.IsPossible)
        {
            differences = differences.Select(d => d.IsManual ? d : d with { NotUndoable = undo.Impossible }).ToList();
            changes = differences.Where(d => !d.IsManual).ToList();
        }

        manualSteps.AddRange(resource.FollowUpsWhenChanged.Select(step => new ManualStep(declaration.Id, step)));
        if (whatIf)
        {
            var unreachable = changes.Where(c => c.Unreachable is not null).Select(c => $"{c.Property}: {c.Unreachable}").ToList();
            return unreachable.Count > 0
                ? new ResourceOutcome(Result(declaration, ResourceStatus.PredictedFailure, differences, $"apply will not reach the desired state: {string.Join("; ", unreachable)}") with { Source = FailureSource.Precondition }, manualSteps, WillChange: true)
                : new ResourceOutcome(Result(declaration, ResourceStatus.Drifted, differences, null), manualSteps, WillChange: true);
        }

        log.Information("Changing {Resource} ({Type}): {Changes}", declaration.Id, declaration.Type,
            string.Join("; ", changes.Select(c => $"{c.Property}: {ValueText.Format(c.Actual)} → {ValueText.Format(c.Desired)}")));
        journal.BeforeChange(declaration, changes, undo);
        var outcome = ApplyAndVerify(declaration, observed with { Differences = differences }, changes, manualSteps);
        journal.AfterChange(declaration, outcome.Result.Status, outcome.Result.Error);
        return outcome;
    }

    /// <summary>In audit mode every difference is a person's to make, with the resource's why as the reason.</summary>
    private static IReadOnlyList<Difference> InAuditMode(ResourceDeclaration declaration, IReadOnlyList<Difference> differences) =>
        declaration.Mode != ResourceMode.Audit
            ? differences
            : differences.Select(d => d.IsManual ? d : d with { ManualReason = declaration.Why is { } why ? $"audit only: {why}" : "audit only: change it by hand" }).ToList();

    private ResourceOutcome ApplyAndVerify(ResourceDeclaration declaration, Observation observed, IReadOnlyList<Difference> changes, List<ManualStep> manualSteps)
    {
        var resource = declaration.Resource;
        var differences = observed.Differences;
        if (Attempt(declaration, "apply", FailureSource.HostChange, () => { resource.Apply(host, observed, changes); return true; }, out _) is { } applyError)
        {
            return Failed(declaration, differences, applyError);
        }

        // Durable before the journal's "after" line can call it done (IHost.Commit).
        if (Attempt(declaration, "write back", FailureSource.HostChange, () => { host.Commit(); return true; }, out _) is { } commitError)
        {
            return Failed(declaration, differences, commitError);
        }

        if (Attempt(declaration, "verify", FailureSource.HostChange, () => resource.Observe(host), out var after) is { } verifyError)
        {
            return Failed(declaration, differences, verifyError);
        }

        var remaining = after.Differences.Where(d => !d.IsManual).ToList();
        if (remaining.Count > 0)
        {
            var detail = string.Join("; ", remaining.Select(d => $"{d.Property} is {ValueText.Format(d.Actual)}, wanted {ValueText.Format(d.Desired)}"));
            log.Warning("{Resource} did not converge: {Detail}", declaration.Id, detail);
            return Failed(declaration, differences, new ResourceFailure(FailureSource.HostChange, $"did not converge: after the change {detail}"));
        }

        return new ResourceOutcome(Result(declaration, ResourceStatus.Changed, differences, null), manualSteps, WillChange: true);
    }

    private UndoStep UndoOf(ResourceDeclaration declaration, Observation observed, IReadOnlyList<Difference> changes)
    {
        try
        {
            return declaration.Resource.UndoOf(observed, changes).KeptWithout(redact);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error(e, "{Resource}: could not work out how to undo the change", declaration.Id);
            return UndoStep.Cannot($"working out the undo failed: {e.Message}");
        }
    }

    /// <summary>Runs a host call; returns the failure (the host's, as <paramref name="source"/> says, or this tool's own), or null on success.</summary>
    private ResourceFailure? Attempt<T>(ResourceDeclaration declaration, string phase, FailureSource source, Func<T> call, out T value)
    {
        value = default!;
        try
        {
            value = call();
            return null;
        }
        catch (ResourceRefusedException e) when (source == FailureSource.HostRead)
        {
            // Declined on the first read, before any change; a refusal after a change would be this tool's defect (below).
            log.Warning("{Resource}: not run: {Error}", declaration.Id, e.Message);
            return new ResourceFailure(FailureSource.Precondition, e.Message);
        }
        catch (HostOperationException e)
        {
            log.Warning("{Resource}: could not {Phase}: {Error}", declaration.Id, phase, e.Message);
            return new ResourceFailure(source, $"could not {phase}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a host condition: keep the run going, log everything for the maintainers.
            log.Error(e, "{Resource}: unexpected failure during {Phase}", declaration.Id, phase);
            return new ResourceFailure(FailureSource.Internal, $"internal error during {phase}: {e.GetType().Name}: {e.Message} (the log has the details)");
        }
    }

    private static ManualStep ManualStepFor(ResourceDeclaration declaration, Difference difference)
    {
        var what = $"{difference.Property} is {ValueText.Format(difference.Actual)}, the baseline wants {ValueText.Format(difference.Desired)}";
        return new ManualStep(declaration.Id, $"{what}; {difference.ManualReason}");
    }

    private static ResourceOutcome Failed(ResourceDeclaration declaration, IReadOnlyList<Difference> differences, ResourceFailure failure) =>
        new(Result(declaration, ResourceStatus.Failed, differences, failure.Message) with { Source = failure.Source }, [], WillChange: false);

    internal static ResourceResult Result(ResourceDeclaration d, ResourceStatus status, IReadOnlyList<Difference> differences, string? error) =>
        new(d.Id, d.Type, status, d.Reference, d.Why, differences, error);
}

/// <summary>A failure where it happened: its source and the message the reports show.</summary>
internal sealed record ResourceFailure(FailureSource Source, string Message);

/// <summary>A resource's result, the manual steps it adds, and whether it (would have) changed the host.</summary>
internal sealed record ResourceOutcome(ResourceResult Result, IReadOnlyList<ManualStep> ManualSteps, bool WillChange);
