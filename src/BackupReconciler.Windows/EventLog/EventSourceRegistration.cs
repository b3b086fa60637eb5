using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security;
using BackupReconciler.Host;
using BackupReconciler.Host.EventLog;

namespace BackupReconciler.Windows.EventLog;

/// <summary>
/// Registers the source BackupReconciler in the Application log, with .NET's message file (which shows %1, the
/// message, for every id). Checking needs to read every log's sources, so a non-administrator may not even learn
/// whether it exists: that too is reported as not registered, with the fix.
/// </summary>
/// <param name="source">The source to register: the tool's own, or a test's.</param>
[SupportedOSPlatform("windows")]
public sealed class EventSourceRegistration(string source = EventLogMessage.Source) : IEventSourceRegistrar
{
    public EventSourceState Check()
    {
        try
        {
            if (!System.Diagnostics.EventLog.SourceExists(source))
            {
                return EventSourceState.Missing;
            }

            var log = System.Diagnostics.EventLog.LogNameFromSourceName(source, ".");
            return log.Equals(EventLogMessage.LogName, StringComparison.OrdinalIgnoreCase)
                ? EventSourceState.IsRegistered
                : EventSourceState.Unusable(InOtherLog(log));
        }
        catch (Exception e) when (e is SecurityException or UnauthorizedAccessException or InvalidOperationException or Win32Exception or IOException)
        {
            // Looking needs to read every log's sources; where this account may not, it cannot say, and registering needs more rights.
            return EventSourceState.Unusable($"this account may not read every log's sources ({e.Message.TrimEnd('.')}), and registering needs an administrator");
        }
    }

    public void EnsureRegistered()
    {
        try
        {
            if (System.Diagnostics.EventLog.SourceExists(source))
            {
                var log = System.Diagnostics.EventLog.LogNameFromSourceName(source, ".");
                if (!log.Equals(EventLogMessage.LogName, StringComparison.OrdinalIgnoreCase))
                {
                    throw new HostOperationException(InOtherLog(log));
                }

                return;
            }

            System.Diagnostics.EventLog.CreateEventSource(new EventSourceCreationData(source, EventLogMessage.LogName));
        }
        catch (Exception e) when (e is SecurityException or UnauthorizedAccessException or InvalidOperationException or Win32Exception or IOException or ArgumentException)
        {
            throw new HostOperationException($"the event source {source} could not be registered in the {EventLogMessage.LogName} log ({e.Message.TrimEnd('.')}); run as an administrator", e);
        }
    }

    private string InOtherLog(string log) =>
        $"the event source {source} is registered in the {log} log, not in {EventLogMessage.LogName}; delete it there (Remove-EventLog -Source {source}) and register it again";
}
