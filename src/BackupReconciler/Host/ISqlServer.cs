namespace BackupReconciler.Host;

/// <summary>
/// The SQL Server port. A DPM database instance holds thousands of Agent jobs, so every call is
/// set-based: one read returns all jobs of an instance, one call applies a whole batch of changes.
/// The live adapter issues one parameterised query (msdb) per call; round trips never grow with the
/// number of jobs. Logins will be read per instance the same way.
/// </summary>
public interface ISqlServer
{
    /// <summary>Every SQL Server Agent job of <paramref name="instance"/>, or null when no such instance is installed.</summary>
    IReadOnlyList<SqlAgentJob>? ReadAgentJobs(string instance);

    /// <summary>
    /// Applies every update in one call, all or nothing: a batch naming a job that does not exist
    /// changes no job.
    /// </summary>
    void UpdateAgentJobs(string instance, IReadOnlyList<SqlAgentJobUpdate> updates);
}
