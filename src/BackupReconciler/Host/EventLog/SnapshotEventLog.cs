using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.EventLog;

/// <summary>
/// The snapshot's <c>events</c> section: event log entries <c>{ log, source, id, time, message }</c>.
/// Log and source names ignore case. "Now" is the snapshot's <c>capturedAt</c> when it has one,
/// otherwise the run's clock.
/// </summary>
/// <remarks>Never changed: the reconciler only reads event logs.</remarks>
public sealed class SnapshotEventLog(FaultInjector faults, DateTimeOffset? capturedAt, TimeProvider clock) : SnapshotSection("events", faults, Faults), IEventLog
{
    public static readonly FaultKind Faults = FaultKind.Named("eventLog", "log", 9);

    private readonly List<EventRecord> _events = [];

    public DateTimeOffset Now => capturedAt ?? clock.GetUtcNow();

    public override void Load(JsonItem section, string file)
    {
        foreach (var item in ReadArray(section, file, "{ \"log\", \"source\", \"id\", \"time\", \"message\" }"))
        {
            var reader = JsonObjectReader.ForObject(item, file, "an event");
            var log = reader.OptionalString("log") ?? "Application";
            var source = reader.RequiredString("source");
            var id = (int)reader.AsInteger(reader.Required("id", "208"), "id", 0, ushort.MaxValue);
            var time = SnapshotTime.Read(reader, "time");
            var message = ReadMessage(reader);
            reader.RejectUnknownMembers();
            _events.Add(new EventRecord(log, source, id, time, message));
        }
    }

    /// <summary>Optional, and unlike names it may be empty: Windows logs events without text.</summary>
    private static string ReadMessage(JsonObjectReader reader) => reader.Optional("message") switch
    {
        null => "",
        JsonStringItem text => text.Value,
        var other => throw reader.Error(other, $"\"message\" of {reader.Subject} must be a string; found {JsonObjectReader.Describe(other)}."),
    };

    protected override JToken Write(bool sorted) =>
        new JArray((sorted ? _events.OrderBy(e => e.Time).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Id) : _events.AsEnumerable()).Select(e => new JObject
        {
            ["log"] = e.Log,
            ["source"] = e.Source,
            ["id"] = e.Id,
            ["time"] = UtcTime.ToText(e.Time),
            ["message"] = e.Message,
        }));

    /// <summary>Records an event a capture read, once.</summary>
    internal void RecordEvent(EventRecord record)
    {
        if (!_events.Contains(record))
        {
            _events.Add(record);
        }

        MarkRecorded();
    }

    public IReadOnlyList<EventRecord> Query(string log, string source, IReadOnlyCollection<int> ids, DateTimeOffset since)
    {
        CheckRead(log);
        return _events
            .Where(e => e.Log.Equals(log, StringComparison.OrdinalIgnoreCase)
                && e.Source.Equals(source, StringComparison.OrdinalIgnoreCase)
                && ids.Contains(e.Id)
                && e.Time >= since)
            .ToList();
    }
}
