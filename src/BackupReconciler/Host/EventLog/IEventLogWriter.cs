namespace BackupReconciler.Host.EventLog;

/// <summary>Writes one event of the tool's own to the Windows event log (the live adapter exists only on Windows).</summary>
public interface IEventLogWriter
{
    /// <summary>Writes the event; throws when it cannot (source not registered and not creatable, log full): the caller decides what that means.</summary>
    void Write(EventLogMessage message);
}

/// <summary>The entry type of an event: what Event Viewer shows as its level.</summary>
public enum EventLogLevel
{
    Information,
    Warning,
    Error,
}

/// <summary>
/// One event as it is written: its stable id, its entry type and its replacement strings, in a documented fixed
/// order (README, "Windows event log"): the first is the plain-English message, the others the structured values.
/// </summary>
public sealed record EventLogMessage(int EventId, EventLogLevel Level, IReadOnlyList<string> Properties)
{
    /// <summary>The event source applying runs write under.</summary>
    public const string Source = "BackupReconciler";

    /// <summary>The log the source is registered in.</summary>
    public const string LogName = "Application";

    public string Message => Properties.Count > 0 ? Properties[0] : "";
}
