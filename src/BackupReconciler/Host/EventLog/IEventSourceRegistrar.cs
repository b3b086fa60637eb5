namespace BackupReconciler.Host.EventLog;

/// <summary>
/// Registers the event source applying runs write under (<see cref="EventLogMessage.Source"/> in the
/// <see cref="EventLogMessage.LogName"/> log). Needs an administrator once per machine; <c>schedule install</c>
/// calls it so that scheduled runs, which may not be able to register it, find it there.
/// </summary>
public interface IEventSourceRegistrar
{
    /// <summary>Whether the source is registered in its log (false too where this account may not look).</summary>
    bool IsRegistered();

    /// <summary>Registers the source unless it is; throws <see cref="HostOperationException"/> with the reason when it cannot.</summary>
    void EnsureRegistered();
}
