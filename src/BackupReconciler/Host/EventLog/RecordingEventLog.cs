namespace BackupReconciler.Host.EventLog;

/// <summary>
/// Queries events and records each once. The snapshot's "now" is the capture's moment
/// (<c>capturedAt</c>), so auditing it later looks at the same window the capture read.
/// </summary>
internal sealed class RecordingEventLog(IEventLog inner, SnapshotEventLog captured) : IEventLog
{
    public DateTimeOffset Now => inner.Now;

    public IReadOnlyList<EventRecord> Query(string log, string source, IReadOnlyCollection<int> ids, DateTimeOffset since)
    {
        var events = inner.Query(log, source, ids, since);
        foreach (var record in events)
        {
            captured.RecordEvent(record);
        }

        return events;
    }
}
