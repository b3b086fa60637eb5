using System.Diagnostics.Eventing.Reader;
using System.Runtime.Versioning;
using EventRecord = BackupReconciler.Host.EventLog.EventRecord;
using BackupReconciler.Host;
using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Services;
using BackupReconciler.Host.Sql;
using BackupReconciler.Windows.Sql;

namespace BackupReconciler.Windows.BackupActivity;

/// <summary>
/// The backup activity port on the live machine, all read-only and in process, one bulk read per technology:
/// every installed SQL Server instance whose engine runs gets one query (<see cref="BackupActivityStatements"/>);
/// the Service Control Manager says whether Windows Server Backup's engine (wbengine) runs; the MARS agent's
/// CloudBackup/Operational log says whether its newest job has ended. A read that fails makes the whole answer
/// fail: the engine then treats the host as busy.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsBackupActivity(IRegistry registry, IServiceControl services, WindowsSqlServer sql, TimeSpan timeout, TimeProvider? clock = null) : IBackupActivity
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public IReadOnlyList<BackupWork> ReadRunning()
    {
        var running = new List<BackupWork>();
        foreach (var instance in SqlInstances.Installed(registry))
        {
            // A stopped engine runs no backup and has no Agent; connecting would only fail.
            if (services.Find(SqlInstanceName.EngineService(instance)) is { State: ServiceState.Running })
            {
                running.AddRange(BackupActivityMapping.FromSqlRows(instance, sql.ReadRunningBackupWork(instance)));
            }
        }

        if (BackupActivityMapping.FromBlockLevelEngine(services.Find("wbengine")) is { } windowsBackup)
        {
            running.Add(windowsBackup);
        }

        if (services.Find("obengine") is { } obengine)
        {
            var now = _clock.GetUtcNow();
            var jobEvents = obengine.State == ServiceState.Running ? ReadMarsEvents(now - BackupActivityMapping.MarsLongestJob) : [];
            if (BackupActivityMapping.FromMarsEvents(obengine, jobEvents, now) is { } mars)
            {
                running.Add(mars);
            }
        }

        return running;
    }

    /// <summary>
    /// EventLogReader over the agent's channel with one XPath query (ids and time filtered by the event log
    /// service). A missing channel is an agent without job history: nothing runs.
    /// </summary>
    private IReadOnlyList<EventRecord> ReadMarsEvents(DateTimeOffset since) =>
        HostCall.Run($"reading the {BackupActivityMapping.MarsLog} event log", timeout, () =>
        {
            var query = new EventLogQuery(BackupActivityMapping.MarsLog, PathType.LogName, BackupActivityMapping.MarsXPath(since)) { ReverseDirection = true };
            var found = new List<EventRecord>();
            try
            {
                using var reader = new EventLogReader(query);
                if (reader.ReadEvent(timeout) is { } newest)
                {
                    using (newest)
                    {
                        found.Add(new EventRecord(BackupActivityMapping.MarsLog, newest.ProviderName ?? "", newest.Id, EventLog.EventQuery.ToUtc(newest.TimeCreated), ""));
                    }
                }
            }
            catch (EventLogNotFoundException)
            {
                return (IReadOnlyList<EventRecord>)[];
            }
            catch (Exception e) when (e is EventLogException or UnauthorizedAccessException)
            {
                throw new HostOperationException($"{BackupActivityMapping.MarsLog}: {e.Message.Trim()}", e);
            }

            return found;
        });

    public DateTimeOffset LocalNow() => _clock.GetLocalNow();
}
