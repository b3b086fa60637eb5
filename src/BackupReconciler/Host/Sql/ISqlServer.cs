namespace BackupReconciler.Host.Sql;

/// <summary>
/// The SQL Server port. A DPM database instance holds thousands of Agent jobs, so every call is
/// set-based: one read returns all jobs of an instance, one call applies a whole batch of changes.
/// The live adapter issues one parameterised query (msdb) per call; round trips never grow with the
/// number of jobs. Logins are read per instance the same way.
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

    /// <summary>Every server login of <paramref name="instance"/> with its server roles (names ignore case), or null when no such instance is installed.</summary>
    IReadOnlyDictionary<string, SqlLogin>? ReadLogins(string instance);

    /// <summary>Creates a login for a Windows account or group (CREATE LOGIN ... FROM WINDOWS).</summary>
    void CreateWindowsLogin(string instance, string login);

    /// <summary>Adds the login to a fixed server role (ALTER SERVER ROLE ... ADD MEMBER).</summary>
    void AddServerRoleMember(string instance, string role, string login);
}
