using BackupReconciler.Resources;

namespace BackupReconciler.Engine;

/// <summary>Everything a run found and did: the source of every report format and of the exit code.</summary>
public sealed record RunResult(
    string Command,
    string RunId,
    bool WhatIf,
    string Baseline,
    string Host,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ResourceResult> Resources,
    IReadOnlyList<RestartResult> Restarts,
    IReadOnlyList<ManualStep> ManualSteps)
{
    public RunSummary Summary { get; } = RunSummary.Of(Resources);

    /// <summary>Things the operator should know about the run itself, such as an interrupted previous run.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Whether a restart that was needed failed: a failure even when every resource converged.</summary>
    public bool RestartFailed => Restarts.Any(r => r.Status == RestartStatus.Failed);
}

public enum ResourceStatus
{
    Compliant,
    Drifted,
    Changed,
    Manual,
    Failed,
    Skipped,

    /// <summary>What-if only: apply will change this resource but cannot reach the desired state (the error says why).</summary>
    PredictedFailure,

    /// <summary>Undo only: this change cannot be taken back by design (the error says why); not a failure.</summary>
    NotUndoable,
}

/// <summary>
/// The outcome of one resource. <paramref name="Differences"/> are what differed when it was read:
/// what-if would change them, apply changed them (status changed) or could not (failed).
/// </summary>
public sealed record ResourceResult(
    string Id,
    string Type,
    ResourceStatus Status,
    string? Reference,
    string? Why,
    IReadOnlyList<Difference> Differences,
    string? Error)
{
    /// <summary>
    /// Where the failure came from, set where it happened: for a failed resource, a predicted failure and a
    /// resource skipped because of another's failure; null for every other result (a stop request is not a failure).
    /// </summary>
    public FailureSource? Source { get; init; }
}

/// <summary>Where a resource's failure came from: what the operator has to look at. Set by the engine, never read back from a message.</summary>
public enum FailureSource
{
    /// <summary>Reading the host failed before any change was made.</summary>
    HostRead,

    /// <summary>
    /// Changing the host failed, making the change durable failed, reading it back after the change failed
    /// (made, but not confirmed), or the host did not keep it (did not converge).
    /// </summary>
    HostChange,

    /// <summary>
    /// Not attempted, or not reachable: a resource it depends on failed (or is predicted to), apply cannot reach the
    /// desired state, or the resource declined after reading the host (<see cref="ResourceRefusedException"/>).
    /// </summary>
    Precondition,

    /// <summary>A defect in this tool: an unexpected exception (the log has its stack).</summary>
    Internal,
}

public enum RestartStatus
{
    Planned,
    Restarted,
    NotRunning,
    Failed,

    /// <summary>Not done now (backup work running, outside the restart window): journaled, done by a later run.</summary>
    Deferred,
}

/// <summary>A deferred service restart; <paramref name="Reason"/> names the resources (or the dependency) that asked for it.</summary>
public sealed record RestartResult(string Service, RestartStatus Status, string Reason, string? Error)
{
    /// <summary>For a deferred restart: the running backup work it waits for (empty when it waits for the window).</summary>
    public IReadOnlyList<string> Running { get; init; } = [];

    /// <summary>For a deferred restart: why it waits (the running work, the window, or that the host could not tell).</summary>
    public string? Waiting { get; init; }
}

/// <summary>Something a person must do: drift the tool must not fix, or a follow-up after a change.</summary>
public sealed record ManualStep(string Resource, string Step);

/// <summary>How many resources ended in each status: every resource is counted exactly once, so the counts add up to <see cref="Total"/>.</summary>
public sealed record RunSummary(int Total, int Compliant, int Drifted, int Changed, int Manual, int Failed, int Skipped, int PredictedFailure = 0, int NotUndoable = 0)
{
    public static RunSummary Of(IReadOnlyList<ResourceResult> resources)
    {
        int Count(ResourceStatus status) => resources.Count(r => r.Status == status);
        return new RunSummary(
            resources.Count,
            Count(ResourceStatus.Compliant),
            Count(ResourceStatus.Drifted),
            Count(ResourceStatus.Changed),
            Count(ResourceStatus.Manual),
            Count(ResourceStatus.Failed),
            Count(ResourceStatus.Skipped),
            Count(ResourceStatus.PredictedFailure),
            Count(ResourceStatus.NotUndoable));
    }
}
