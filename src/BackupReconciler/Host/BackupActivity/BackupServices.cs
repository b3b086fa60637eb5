using BackupReconciler.Host.Sql;

namespace BackupReconciler.Host.BackupActivity;

/// <summary>
/// Which services backup work depends on: the services whose restart would kill it. A SQL instance's work
/// needs its engine and its Agent (and, for Azure Backup's SQL workload, the workload's own services); a
/// Windows Server Backup needs its block-level engine and the shadow copy service; a MARS job needs the
/// agent's engine and the shadow copy service; a DPM server's jobs run through DPM's engine and agent.
/// </summary>
public static class BackupServices
{
    /// <summary>Every service some backup work may depend on, without asking what runs: "disruptive" restarts.</summary>
    public static bool IsBackupService(string service) =>
        Fixed.Contains(service, StringComparer.OrdinalIgnoreCase)
        || service.StartsWith("MSSQL$", StringComparison.OrdinalIgnoreCase)
        || service.StartsWith("SQLAgent$", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] Fixed =
        ["MSSQLSERVER", "SQLSERVERAGENT", "MSDPM", "DPMRA", "obengine", "wbengine", "VSS", "AzureWLBackupPluginSvc", "AzureWLBackupCoordinatorSvc"];

    public static IReadOnlyList<string> Of(BackupWork work) => work.Kind switch
    {
        BackupWorkKind.SqlAgentJob => [.. SqlInstance(work.Detail), "MSDPM", "DPMRA"],
        BackupWorkKind.SqlBackupRequest => [.. SqlInstance(work.Detail), "AzureWLBackupPluginSvc", "AzureWLBackupCoordinatorSvc", "VSS"],
        BackupWorkKind.WindowsServerBackup => ["wbengine", "VSS"],
        _ => ["obengine", "VSS"],
    };

    private static IReadOnlyList<string> SqlInstance(string instance) =>
        [SqlInstanceName.EngineService(instance), SqlInstanceName.AgentService(instance)];
}
