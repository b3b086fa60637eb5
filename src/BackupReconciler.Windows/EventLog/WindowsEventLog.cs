using System.Diagnostics.Eventing.Reader;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.EventLog;
using EventRecord = BackupReconciler.Host.EventLog.EventRecord;

namespace BackupReconciler.Windows.EventLog;

/// <summary>
/// The event log port on the live machine: EventLogReader with one XPath query per check
/// (<see cref="EventQuery"/>), filtered by provider, ids and time by the event log service itself.
/// Messages are formatted where the source's message file allows; an event whose text cannot be
/// formatted keeps an empty message. At most <see cref="MaxEvents"/> events are read, newest first.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsEventLog : IEventLog
{
    /// <summary>Enough to say "this happens" many times over; a storm of events must not hold the run up.</summary>
    public const int MaxEvents = 1000;

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    public WindowsEventLog(TimeSpan? timeout = null, TimeProvider? clock = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
        _clock = clock ?? TimeProvider.System;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public IReadOnlyList<EventRecord> Query(string log, string source, IReadOnlyCollection<int> ids, DateTimeOffset since) =>
        HostCall.RunNamed($"querying the {log} event log for {source}", _timeout, () =>
        {
            var query = new EventLogQuery(log, PathType.LogName, EventQuery.XPath(source, ids, since)) { ReverseDirection = true };
            var events = new List<EventRecord>();
            try
            {
                using var reader = new EventLogReader(query);
                while (events.Count < MaxEvents && reader.ReadEvent(_timeout) is { } record)
                {
                    using (record)
                    {
                        events.Add(new EventRecord(log, record.ProviderName ?? source, record.Id, EventQuery.ToUtc(record.TimeCreated), Message(record)));
                    }
                }
            }
            catch (EventLogNotFoundException e)
            {
                throw new HostOperationException($"{log}: {e.Message.Trim()}", e);
            }
            catch (Exception e) when (e is EventLogException or UnauthorizedAccessException)
            {
                throw new HostOperationException($"{log}: {e.Message.Trim()}", e);
            }

            return (IReadOnlyList<EventRecord>)events;
        });

    private static string Message(System.Diagnostics.Eventing.Reader.EventRecord record)
    {
        try
        {
            return record.FormatDescription()?.Trim() ?? "";
        }
        catch (EventLogException)
        {
            return "";
        }
    }
}
