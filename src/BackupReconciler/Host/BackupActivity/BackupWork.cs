namespace BackupReconciler.Host.BackupActivity;

/// <summary>
/// One piece of backup work running on a host: what it is (<paramref name="Kind"/>, <paramref name="Name"/>),
/// where (<paramref name="Detail"/>: the instance, the database, the job), and the services that must not be
/// restarted while it runs (<see cref="Services"/>).
/// </summary>
public sealed record BackupWork(BackupWorkKind Kind, string Name, string Detail)
{
    /// <summary>The services this work depends on, by the kind of work and where it runs.</summary>
    public IReadOnlyList<string> Services => BackupServices.Of(this);

    /// <summary>"SQL Agent job 'x' on MSDPM2012": how reports name it.</summary>
    public string Describe() => Kind switch
    {
        BackupWorkKind.SqlAgentJob => $"SQL Server Agent job '{Name}' on {Detail}",
        BackupWorkKind.SqlBackupRequest => $"{Name} on {Detail}",
        BackupWorkKind.WindowsServerBackup => $"Windows Server Backup: {Name}",
        _ => $"Azure Backup (MARS) agent: {Name}",
    };
}

public enum BackupWorkKind
{
    /// <summary>A running SQL Server Agent job (msdb job activity): on a DPM server, DPM's scheduled jobs.</summary>
    SqlAgentJob,

    /// <summary>A running BACKUP or RESTORE request (what Azure Backup's SQL workload runs); Detail is the instance.</summary>
    SqlBackupRequest,

    /// <summary>A Windows Server Backup or System State backup (or recovery) in progress.</summary>
    WindowsServerBackup,

    /// <summary>The MARS agent's running backup or recovery job.</summary>
    MarsJob,
}
