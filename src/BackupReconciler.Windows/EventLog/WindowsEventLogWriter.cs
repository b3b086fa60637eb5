using System.Diagnostics;
using System.Runtime.Versioning;
using BackupReconciler.Host.EventLog;

namespace BackupReconciler.Windows.EventLog;

/// <summary>
/// Writes the tool's events with EventLog.WriteEvent: the id and entry type from the message, its properties as
/// the replacement strings, so monitoring reads them as EventData (%1 the message, then the values in order).
/// Without a registered source, WriteEvent tries to register it, which needs an administrator; the throw that
/// follows otherwise is the caller's to report.
/// </summary>
/// <param name="source">The source to write under: the tool's own, or a test's.</param>
[SupportedOSPlatform("windows")]
public sealed class WindowsEventLogWriter(string source = EventLogMessage.Source) : IEventLogWriter
{
    public void Write(EventLogMessage message)
    {
        var type = message.Level switch
        {
            EventLogLevel.Error => EventLogEntryType.Error,
            EventLogLevel.Warning => EventLogEntryType.Warning,
            _ => EventLogEntryType.Information,
        };
        using var log = new System.Diagnostics.EventLog(EventLogMessage.LogName) { Source = source };
        log.WriteEvent(new EventInstance(message.EventId, 0, type), message.Properties.Cast<object>().ToArray());
    }
}
