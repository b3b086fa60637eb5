using System.Globalization;
using BackupReconciler.Host;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.EventLogQuiet;

/// <summary>
/// A check that a source logged none of the given events recently (seed 000: event 208 from
/// SQLAgent$&lt;instance&gt; means DPM's scheduled jobs fail). Audit only by nature: an event cannot be
/// "fixed", so every finding is a manual difference whatever the baseline's mode.
/// </summary>
public sealed record EventLogQuietResource(string Log, string Source, IReadOnlyList<int> EventIds, Duration Within)
    : Resource<EventLogQuietActual>
{
    public override string TypeName => EventLogQuietResourceType.TypeName;

    public override EventLogQuietActual Read(IHost host)
    {
        var now = host.EventLog.Now;
        var since = now - Within.Span;
        var events = host.EventLog.Query(Log, Source, EventIds, since)
            .Where(e => e.Time <= now)
            .OrderByDescending(e => e.Time)
            .ToList();
        return new EventLogQuietActual(Log, Source, EventIds, since, now, events);
    }

    public override IReadOnlyList<Difference> Compare(EventLogQuietActual actual, IHost host)
    {
        if (actual.Events.Count == 0)
        {
            return [];
        }

        var count = actual.Events.Count;
        var ids = string.Join(", ", actual.Events.Select(e => e.Id).Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var found = $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? "event" : "events")} {ids} from {Source} in the last {Within}, newest {UtcTime.ToText(actual.Events[0].Time)}";
        return [Difference.Manual("events", DifferenceValue.Text(found), DifferenceValue.Text("none"),
            $"read them in Event Viewer ({Log} log, source {Source}) and fix their cause; this check only reports, it changes nothing")];
    }

    public override void Apply(IHost host, EventLogQuietActual actual, IReadOnlyList<Difference> changes)
    {
        // Never called with changes: every difference is manual, and the engine applies none of those.
    }
}
