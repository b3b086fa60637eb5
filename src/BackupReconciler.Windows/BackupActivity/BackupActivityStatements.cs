using BackupReconciler.Windows.Sql;

namespace BackupReconciler.Windows.BackupActivity;

/// <summary>
/// The one query per SQL Server instance that says what backup work runs there, read-only, in one round trip:
/// <list type="bullet">
/// <item>SQL Server Agent jobs running now: msdb.dbo.sysjobactivity rows of the Agent's current session
/// (the newest row of msdb.dbo.syssessions, which the Agent adds each time it starts) with a
/// start_execution_date and no stop_execution_date — Microsoft's documented test for "running"
/// (learn.microsoft.com/sql/relational-databases/system-tables/dbo-sysjobactivity-transact-sql). On a DPM
/// server these are DPM's TriggerJob.exe jobs.</item>
/// <item>BACKUP and RESTORE requests executing now: sys.dm_exec_requests whose command starts with BACKUP or
/// RESTORE (BACKUP DATABASE, BACKUP LOG, RESTORE DATABASE …; learn.microsoft.com/sql/relational-databases/
/// system-dynamic-management-views/sys-dm-exec-requests-transact-sql) — what Azure Backup's SQL workload runs.</item>
/// </list>
/// Without VIEW SERVER STATE, sys.dm_exec_requests shows only the caller's own session, so the instance would
/// look idle while a backup runs; the batch refuses instead, and the caller treats the refusal as busy.
/// </summary>
internal static class BackupActivityStatements
{
    public const string JobKind = "job";

    public const string RequestKind = "request";

    public static readonly SqlStatement ReadRunning = new("""
        SET NOCOUNT ON;
        IF HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 0
        BEGIN
            RAISERROR(N'VIEW SERVER STATE is needed to see running BACKUP and RESTORE requests; without it the instance would look idle.', 16, 1);
            RETURN;
        END;
        DECLARE @session int = (SELECT TOP (1) s.session_id FROM msdb.dbo.syssessions AS s ORDER BY s.agent_start_date DESC);
        SELECT N'job' AS kind, j.name AS name, N'' AS database_name
        FROM msdb.dbo.sysjobactivity AS a
        JOIN msdb.dbo.sysjobs AS j ON j.job_id = a.job_id
        WHERE a.session_id = @session AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL
        UNION ALL
        SELECT N'request', r.command, COALESCE(DB_NAME(r.database_id), N'')
        FROM sys.dm_exec_requests AS r
        WHERE r.command LIKE N'BACKUP%' OR r.command LIKE N'RESTORE%'
        ORDER BY kind, name;
        """, []);
}
