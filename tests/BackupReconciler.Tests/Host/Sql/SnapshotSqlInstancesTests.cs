using BackupReconciler.Host;
using BackupReconciler.Host.Sql;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Host.Sql;

public sealed class SnapshotSqlInstancesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SnapshotHost Load(string sqlInstances) =>
        SnapshotHost.Load(_folder.Write("snapshot.json", $$"""{ "computerName": "DPM01", "sqlInstances": {{sqlInstances}} }"""));

    [Fact]
    public void InstancesAndJobsAreFoundWhateverTheCase()
    {
        var sql = Load("""{ "MSDPM2012": { "jobs": [ { "name": "j1", "enabled": false, "owner": "sa", "stepCommand": "x" } ] } }""").Sql;

        Assert.Equal([new SqlAgentJob("j1", false, "sa", "x")], sql.ReadAgentJobs("msdpm2012"));
        Assert.Null(sql.ReadAgentJobs("MSDPM2016"));
        sql.UpdateAgentJobs("MSDPM2012", [new SqlAgentJobUpdate("J1", true, null)]);
        Assert.Equal([new SqlAgentJob("j1", true, "sa", "x")], sql.ReadAgentJobs("MSDPM2012"));
    }

    [Fact]
    public void ABatchNamingAMissingJobChangesNothing()
    {
        var host = Load("""{ "MSDPM2012": { "jobs": [ { "name": "j1", "enabled": false, "owner": "sa" } ] } }""");

        var error = Assert.Throws<HostOperationException>(() =>
            host.Sql.UpdateAgentJobs("MSDPM2012", [new SqlAgentJobUpdate("j1", true, null), new SqlAgentJobUpdate("gone", true, null)]));

        Assert.Equal("The specified @job_name ('gone') does not exist. (14262)", error.Message);
        Assert.False(host.Sql.ReadAgentJobs("MSDPM2012")![0].Enabled);
        Assert.False(host.HasChanges);
    }

    [Fact]
    public void WriteBackKeepsLoginsAndInstancesWithoutJobsAsTheyWere()
    {
        var host = Load("""
            { "MSDPM2012": { "jobs": [ { "name": "j1", "enabled": false, "owner": "sa" } ], "logins": { "NT SERVICE\\AzureWLBackupPluginSvc": { "serverRoles": [] } } },
              "AZUREWL": { "logins": { "BUILTIN\\Administrators": { "serverRoles": ["sysadmin"] } } } }
            """);

        host.Sql.UpdateAgentJobs("MSDPM2012", [new SqlAgentJobUpdate("j1", true, "NT AUTHORITY\\SYSTEM")]);
        host.Save();

        var expected = JObject.Parse("""
            { "MSDPM2012": { "jobs": [ { "name": "j1", "enabled": true, "owner": "NT AUTHORITY\\SYSTEM" } ], "logins": { "NT SERVICE\\AzureWLBackupPluginSvc": { "serverRoles": [] } } },
              "AZUREWL": { "logins": { "BUILTIN\\Administrators": { "serverRoles": ["sysadmin"] } } } }
            """);
        Assert.True(JToken.DeepEquals(expected, JObject.Parse(File.ReadAllText(host.Path))["sqlInstances"]));
    }

    [Theory]
    [InlineData("""{ "A": {}, "a": {} }""", "the SQL Server instance \"a\" appears twice (instance names ignore case); merge them.")]
    [InlineData("""{ "A": { "jobs": {} } }""", "\"jobs\" of SQL Server instance \"A\" must be an array of { \"name\", \"enabled\", \"owner\", \"stepCommand\" }; found an object.")]
    [InlineData("""{ "A": { "jobs": [ { "name": "j", "owner": "sa" } ] } }""", "job \"j\" of SQL Server instance \"A\" has no \"enabled\"; add \"enabled\": true or false.")]
    [InlineData("""{ "A": { "jobs": [ { "name": "j", "enabled": true } ] } }""", "job \"j\" of SQL Server instance \"A\" has no \"owner\"; add \"owner\": \"...\" (the login that owns the job, such as \"sa\").")]
    [InlineData("""{ "A": { "jobs": [ { "name": "j", "enabled": true, "owner": "sa" }, { "name": "J", "enabled": true, "owner": "sa" } ] } }""",
        "the job \"J\" appears twice in SQL Server instance \"A\" (SQL Server Agent job names are unique); keep one.")]
    [InlineData("""{ "A": { "jobs": [], "users": {} } }""", "SQL Server instance \"A\" has an unknown member \"users\"; the members it understands are: jobs, logins.")]
    public void ABadSqlInstancesSectionIsALocatedInputError(string section, string problem)
    {
        var error = Assert.Throws<InputException>(() => Load(section));

        Assert.Equal(problem, error.Problem);
        Assert.True(error.Location!.Line > 0);
    }
}
