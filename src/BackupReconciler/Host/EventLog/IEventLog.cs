namespace BackupReconciler.Host.EventLog;

/// <summary>The event log port: one filtered query per check, never a scan of a whole log.</summary>
public interface IEventLog
{
    /// <summary>
    /// The host's present moment that "recent" is measured from: for a captured snapshot, the moment
    /// it was captured, so that auditing it later still looks at the same window.
    /// </summary>
    DateTimeOffset Now { get; }

    /// <summary>The events of <paramref name="log"/> from <paramref name="source"/> with one of <paramref name="ids"/>, written at or after <paramref name="since"/>.</summary>
    IReadOnlyList<EventRecord> Query(string log, string source, IReadOnlyCollection<int> ids, DateTimeOffset since);
}
