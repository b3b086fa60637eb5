using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.EventLog;

/// <summary>
/// The snapshot's <c>events</c> section: event log entries <c>{ log, source, id, time, message }</c>.
/// Log and source names ignore case. "Now" is the snapshot's <c>capturedAt</c> when it has one,
/// otherwise the run's clock.
/// </summary>
public sealed class SnapshotEventLog : IEventLog, ISnapshotSection
{
    private readonly List<EventRecord> _events = [];
    private readonly FaultInjector _faults;
    private readonly DateTimeOffset? _capturedAt;
    private readonly TimeProvider _clock;

    public SnapshotEventLog(FaultInjector faults, DateTimeOffset? capturedAt, TimeProvider clock)
    {
        _faults = faults;
        _capturedAt = capturedAt;
        _clock = clock;
    }

    public string Name => "events";

    /// <summary>Never: the reconciler only reads event logs.</summary>
    public bool Changed => false;

    public DateTimeOffset Now => _capturedAt ?? _clock.GetUtcNow();

    public void Load(JToken section, string file)
    {
        if (section is not JArray array)
        {
            throw new InputException(JsonObjectReader.Locate(section, file),
                $"\"events\" must be an array of {{ \"log\", \"source\", \"id\", \"time\", \"message\" }}; found {JsonObjectReader.Describe(section)}.");
        }

        foreach (var item in array)
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
        { Type: JTokenType.String } text => text.Value<string>()!,
        var other => throw reader.Error(other, $"\"message\" of {reader.Subject} must be a string; found {JsonObjectReader.Describe(other)}."),
    };

    public JToken Save() =>
        new JArray(_events.Select(e => new JObject
        {
            ["log"] = e.Log,
            ["source"] = e.Source,
            ["id"] = e.Id,
            ["time"] = UtcTime.ToText(e.Time),
            ["message"] = e.Message,
        }));

    public IReadOnlyList<EventRecord> Query(string log, string source, IReadOnlyCollection<int> ids, DateTimeOffset since)
    {
        _faults.Check(FaultOperation.Read, "eventLog:" + log);
        return _events
            .Where(e => e.Log.Equals(log, StringComparison.OrdinalIgnoreCase)
                && e.Source.Equals(source, StringComparison.OrdinalIgnoreCase)
                && ids.Contains(e.Id)
                && e.Time >= since)
            .ToList();
    }
}
