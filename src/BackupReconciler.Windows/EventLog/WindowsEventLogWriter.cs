using System.Diagnostics;
using System.Runtime.Versioning;
using BackupReconciler.Host;

namespace BackupReconciler.Windows.EventLog;

/// <summary>
/// Writes the tool's events with EventLog.WriteEvent: the id and entry type from the message, its properties as
/// the replacement strings, so monitoring reads them as EventData (%1 the message, then the values in order).
/// Without a registered source, WriteEvent tries to register it, which needs an administrator; the throw that
/// follows otherwise is the caller's to report.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsEventLogWriter : IEventLogWriter
{
    public void Write(EventLogMessage message)
    {
        var type = message.Level switch
        {
            EventLogLevel.Error => EventLogEntryType.Error,
            EventLogLevel.Warning => EventLogEntryType.Warning,
            _ => EventLogEntryType.Information,
        };
        using var log = new System.Diagnostics.EventLog(EventLogMessage.LogName) { Source = EventLogMessage.Source };
        log.WriteEvent(new EventInstance(message.EventId, 0, type), message.Properties.Cast<object>().ToArray());
    }
}
