namespace BackupReconciler.Resources;

/// <summary>
/// The one contract between the engine and a resource: observe (read the actual state and compare
/// it with the desired one), and apply exactly the differences an observation found.
/// What-if and apply share <see cref="Observe"/>, so a plan is faithful by construction.
/// </summary>
public interface IResource
{
    string TypeName { get; }

    /// <summary>Reads only what the resource declares and compares it; host failures throw <c>HostOperationException</c>.</summary>
    Observation Observe(Host.IHost host);

    /// <summary>Makes exactly the changes <paramref name="changes"/> describe (never the manual ones).</summary>
    void Apply(Host.IHost host, Observation observation, IReadOnlyList<Difference> changes);

    /// <summary>Services this resource itself needs restarted once it changed, besides the baseline's restartServices.</summary>
    IReadOnlyList<string> RestartsWhenChanged { get; }

    /// <summary>What a person must still do after this resource changed.</summary>
    IReadOnlyList<string> FollowUpsWhenChanged { get; }

    /// <summary>How to take back <paramref name="changes"/> made on <paramref name="observation"/>; asked before they are made.</summary>
    UndoStep UndoOf(Observation observation, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot($"{TypeName} changes cannot be undone");
}

/// <summary>The actual state (as shown by <c>get</c>) and what differs from the desired state.</summary>
public sealed record Observation(IActualState Actual, IReadOnlyList<Difference> Differences);
