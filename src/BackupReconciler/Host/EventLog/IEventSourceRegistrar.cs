namespace BackupReconciler.Host.EventLog;

/// <summary>
/// Registers the event source applying runs write under (<see cref="EventLogMessage.Source"/> in the
/// <see cref="EventLogMessage.LogName"/> log). Needs an administrator once per machine; <c>schedule install</c>
/// calls it so that scheduled runs, which may not be able to register it, find it there.
/// </summary>
public interface IEventSourceRegistrar
{
    /// <summary>
    /// Whether the source is registered in its log, missing, or neither can be said (this account may not look,
    /// or the source is registered in another log): what-if must say which, not guess "would register".
    /// </summary>
    EventSourceState Check();

    /// <summary>Registers the source unless it is; throws <see cref="HostOperationException"/> with the reason when it cannot.</summary>
    void EnsureRegistered();
}

/// <summary>What the host says of the event source: registered, missing (registering would create it), or a problem registering would meet.</summary>
/// <param name="Problem">Why registering would not simply create it (the source is in another log, or this account may not look); null otherwise.</param>
public sealed record EventSourceState(bool Registered, string? Problem)
{
    public static EventSourceState IsRegistered { get; } = new(true, null);

    public static EventSourceState Missing { get; } = new(false, null);

    public static EventSourceState Unusable(string problem) => new(false, problem);
}
