using BackupReconciler.Host.EventLog;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.EventLogQuiet;

/// <summary>What <c>get</c> shows for an event log check: the window looked at and the matching events, newest first.</summary>
public sealed record EventLogQuietActual(
    string Log,
    string Source,
    IReadOnlyList<int> EventIds,
    DateTimeOffset Since,
    DateTimeOffset Until,
    IReadOnlyList<EventRecord> Events) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["log"] = Log,
        ["source"] = Source,
        ["eventIds"] = new JArray(EventIds.Cast<object>().ToArray()),
        ["since"] = UtcTime.ToText(Since),
        ["until"] = UtcTime.ToText(Until),
        ["events"] = new JArray(Events.Select(e => new JObject
        {
            ["id"] = e.Id,
            ["time"] = UtcTime.ToText(e.Time),
            ["message"] = e.Message,
        })),
    };
}
