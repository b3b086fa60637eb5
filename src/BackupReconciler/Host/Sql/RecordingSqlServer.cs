using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Sql;

/// <summary>Reads jobs and logins of installed instances and records them per instance.</summary>
internal sealed class RecordingSqlServer(ISqlServer inner, SnapshotSqlInstances captured) : ISqlServer
{
    public IReadOnlyList<SqlAgentJob>? ReadAgentJobs(string instance)
    {
        var jobs = inner.ReadAgentJobs(instance);
        if (jobs is not null)
        {
            captured.RecordJobs(instance, jobs);
        }

        return jobs;
    }

    public IReadOnlyDictionary<string, SqlLogin>? ReadLogins(string instance)
    {
        var logins = inner.ReadLogins(instance);
        if (logins is not null)
        {
            captured.RecordLogins(instance, logins);
        }

        return logins;
    }

    public void UpdateAgentJobs(string instance, IReadOnlyList<SqlAgentJobUpdate> updates) => throw CaptureOnly.Refuse("update SQL Server Agent jobs");

    public void CreateWindowsLogin(string instance, string login) => throw CaptureOnly.Refuse("create a login");

    public void AddServerRoleMember(string instance, string role, string login) => throw CaptureOnly.Refuse("add a server role member");
}
