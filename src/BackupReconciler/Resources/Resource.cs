using BackupReconciler.Host;

namespace BackupReconciler.Resources;

/// <summary>
/// Typed base for resource records: read the actual state, compare, apply. The engine sees only
/// <see cref="IResource"/>; each type sees its own actual-state shape.
/// </summary>
public abstract record Resource<TActual> : IResource
    where TActual : IActualState
{
    public abstract string TypeName { get; }

    public virtual IReadOnlyList<string> RestartsWhenChanged => [];

    public virtual IReadOnlyList<string> FollowUpsWhenChanged => [];

    public abstract TActual Read(IHost host);

    public abstract IReadOnlyList<Difference> Compare(TActual actual, IHost host);

    public abstract void Apply(IHost host, TActual actual, IReadOnlyList<Difference> changes);

    /// <summary>By default a change cannot be undone; types whose previous values can be set again override this.</summary>
    public virtual UndoStep UndoOf(TActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot($"{TypeName} changes cannot be undone");

    UndoStep IResource.UndoOf(Observation observation, IReadOnlyList<Difference> changes) =>
        UndoOf((TActual)observation.Actual, changes);

    Observation IResource.Observe(IHost host)
    {
        var actual = Read(host);
        return new Observation(actual, Compare(actual, host));
    }

    void IResource.Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes) =>
        Apply(host, (TActual)observation.Actual, changes);
}
