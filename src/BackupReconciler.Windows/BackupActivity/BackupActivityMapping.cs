using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Services;

namespace BackupReconciler.Windows.BackupActivity;

/// <summary>
/// What the live reads found → the port's <see cref="BackupWork"/>, as plain values so that the rules run
/// (and are tested) anywhere.
/// </summary>
internal static class BackupActivityMapping
{
    /// <summary>
    /// The MARS agent's CloudBackup/Operational events that start and end a backup job: BACKUP_START_EVENT (1)
    /// starts one; BACKUP_SUCCESS_STOP_EVENT (3), BACKUP_WARNING_STOP_EVENT (10), BACKUP_ERROR_STOP_EVENT (11)
    /// and SCHEDULE_BACKUP_FAILED_EVENT (18) end it.
    /// </summary>
    public const string MarsLog = "CloudBackup/Operational";

    public static readonly int[] MarsStart = [1];

    public static readonly int[] MarsEnd = [3, 10, 11, 18];

    /// <summary>A start event older than this with no end is a job that died with the machine, not one running.</summary>
    public static readonly TimeSpan MarsLongestJob = TimeSpan.FromHours(24);

    /// <summary>
    /// The XPath of the one MARS query: the job events of the last day, of any provider — the channel is the
    /// agent's own, and a provider name that differs between agent versions must not hide a running job.
    /// </summary>
    public static string MarsXPath(DateTimeOffset since)
    {
        var ids = string.Join(" or ", MarsStart.Concat(MarsEnd).Order().Select(id => "EventID=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var time = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return $"*[System[({ids}) and TimeCreated[@SystemTime>='{time}']]]";
    }

    /// <summary>Rows of <see cref="BackupActivityStatements.ReadRunning"/>: kind, name, database.</summary>
    public static IEnumerable<BackupWork> FromSqlRows(string instance, IEnumerable<object?[]> rows) =>
        rows.Select(row => (string?)row[0] == BackupActivityStatements.JobKind
            ? new BackupWork(BackupWorkKind.SqlAgentJob, (string)row[1]!, instance)
            : new BackupWork(BackupWorkKind.SqlBackupRequest, (string)row[1]! + (row[2] is string { Length: > 0 } database ? $" of {database}" : ""), instance));

    /// <summary>
    /// The Block Level Backup Engine Service runs (demand start) only while Windows Server Backup performs a
    /// backup or recovery — Windows' own description of it says stopping it may make the running operation fail.
    /// </summary>
    public static BackupWork? FromBlockLevelEngine(ServiceInfo? wbengine) =>
        wbengine is { State: ServiceState.Running or ServiceState.Paused }
            ? new BackupWork(BackupWorkKind.WindowsServerBackup, "a backup or recovery is in progress (the Block Level Backup Engine Service, wbengine, is running)", "")
            : null;

    /// <summary>A MARS job runs when the agent runs and its newest start event has no end event after it.</summary>
    public static BackupWork? FromMarsEvents(ServiceInfo? obengine, IReadOnlyList<EventRecord> events, DateTimeOffset now)
    {
        if (obengine is not { State: ServiceState.Running })
        {
            return null;
        }

        var newest = events.OrderByDescending(e => e.Time).FirstOrDefault();
        return newest is not null && MarsStart.Contains(newest.Id) && now - newest.Time <= MarsLongestJob
            ? new BackupWork(BackupWorkKind.MarsJob, $"a backup job started at {Input.UtcTime.ToText(newest.Time)} has not ended", "")
            : null;
    }
}
