using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class SqlLoginTests
{
    private static JObject Host(string logins) => JObject.Parse($$"""
        { "sqlInstances": { "MSSQLSERVER": { "jobs": [ { "name": "syspolicy_purge_history", "enabled": true, "owner": "sa" } ], "logins": {{logins}} } } }
        """);

    private static JArray Resources() => JArray.Parse("""
        [ { "id": "plugin-sysadmin", "type": "sqlLogin",
            "properties": { "instance": "MSSQLSERVER", "login": "nt service\\azurewlbackuppluginsvc", "serverRoles": ["SysAdmin"] } } ]
        """);

    [Fact]
    public void AMissingLoginIsCreatedWithItsRolesAndOthersAreUntouched()
    {
        using var scenario = new Scenario(Resources(), Host("""{ "sa": { "serverRoles": ["sysadmin"] }, "CONTOSO\\DBAs": { "serverRoles": ["sysadmin", "dbcreator"] } }"""));
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        var apply = scenario.Apply();
        var again = scenario.Apply();

        Assert.Equal(["login: (absent) → nt service\\azurewlbackuppluginsvc", "serverRoles: [] → [\"sysadmin\"]"], plan.DifferencesOf("plugin-sysadmin"));
        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("plugin-sysadmin"));
        Assert.Equal(ResourceStatus.Compliant, again.StatusOf("plugin-sysadmin"));
        var logins = scenario.SnapshotJson["sqlInstances"]!["MSSQLSERVER"]!["logins"]!;
        Assert.Equal(["sysadmin", "dbcreator"], logins["CONTOSO\\DBAs"]!["serverRoles"]!.Values<string>());
        Assert.Equal("syspolicy_purge_history", (string)scenario.SnapshotJson["sqlInstances"]!["MSSQLSERVER"]!["jobs"]![0]!["name"]!);
    }

    [Fact]
    public void AnExistingLoginGetsOnlyTheMissingRoleAndKeepsItsOthers()
    {
        using var scenario = new Scenario(Resources(), Host("""{ "NT SERVICE\\AzureWLBackupPluginSvc": { "serverRoles": ["public"] } }"""));

        Assert.Equal(["serverRoles: [\"public\"] → [\"public\",\"sysadmin\"]"], scenario.Plan().DifferencesOf("plugin-sysadmin"));
        scenario.Apply();

        Assert.Equal(["public", "sysadmin"], scenario.SnapshotJson["sqlInstances"]!["MSSQLSERVER"]!["logins"]!["NT SERVICE\\AzureWLBackupPluginSvc"]!["serverRoles"]!.Values<string>());
    }

    [Fact]
    public void ASqlFaultFailsOnlyThisResource()
    {
        var host = Host("{}");
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "sql:mssqlserver", "message": "Login failed for user 'NT AUTHORITY\\SYSTEM'. (18456)" } ]""");
        var resources = Resources();
        resources.Add(JObject.Parse("""{ "id": "other", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } } } }"""));
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal("could not apply: Login failed for user 'NT AUTHORITY\\SYSTEM'. (18456)", run.Resource("plugin-sysadmin").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
    }

    [Fact]
    public void AMissingInstanceFails()
    {
        using var scenario = new Scenario(Resources(), new JObject());

        Assert.Equal("could not read: the SQL Server instance \"MSSQLSERVER\" is not installed on HOST01; correct \"instance\".", scenario.Plan().Resource("plugin-sysadmin").Error);
    }

    [Theory]
    [InlineData("""{ "instance": "MSSQLSERVER", "login": "sa", "serverRoles": ["sysadmin"] }""",
        "b.json(2,42): \"login\" of resource \"a\" (sqlLogin) is \"sa\"; give a Windows account as DOMAIN\\name, such as \"NT SERVICE\\\\AzureWLBackupPluginSvc\" (SQL logins with passwords are never managed).")]
    [InlineData("""{ "instance": "MSSQLSERVER", "login": "NT SERVICE\\X", "serverRoles": ["sysadmn"] }""",
        "b.json(2,71): \"sysadmn\" in \"serverRoles\" of resource \"a\" (sqlLogin) is not a fixed server role (did you mean \"sysadmin\"?); use: sysadmin, serveradmin, securityadmin, processadmin, setupadmin, bulkadmin, diskadmin, dbcreator, public.")]
    public void BadInputIsLocated(string properties, string message)
    {
        Assert.Equal(message, BaselineErrors.Of("sqlLogin", properties));
    }
}
