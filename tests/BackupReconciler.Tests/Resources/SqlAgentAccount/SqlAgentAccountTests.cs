using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class SqlAgentAccountTests
{
    private const string SetupKey = @"HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Setup";
    private const string DpmAccount = @"DPM01\MICROSOFT$DPM$Acct";

    private const string RegenerateJobs =
        "On the DPM server, select each protection group, select Modify and complete the wizard without making any changes, "
        + "so that DPM regenerates its SQL Server Agent jobs on instance MSDPM2012 with the updated account (KB 4456295, step 4).";

    private static JArray Account(string properties = """{ "instance": "MSDPM2012" }""") => JArray.Parse($$"""
        [ { "id": "agent-account", "type": "sqlAgentAccount", "properties": {{properties}} } ]
        """);

    /// <summary>A DPM server whose Agent now logs on as LocalSystem while DPM still records its old account.</summary>
    private static JObject Host(string agentAccount = "LocalSystem", string recorded = DpmAccount) => JObject.Parse($$"""
        {
          "computerName": "DPM01",
          "registry": { {{Json(SetupKey)}}: {
              "SqlAgentAccountName": { "kind": "string", "data": {{Json(recorded)}} },
              "SchedulerJobOwnerName": { "kind": "string", "data": {{Json(recorded)}} },
              "InstallPath": { "kind": "string", "data": "C:\\Program Files\\Microsoft System Center\\DPM\\DPM\\" } } },
          "services": {
            "MSSQL$MSDPM2012": { "startType": "automatic", "state": "running", "account": {{Json(agentAccount)}} },
            "SQLAgent$MSDPM2012": { "startType": "automatic", "state": "running", "account": {{Json(agentAccount)}}, "dependsOn": ["MSSQL$MSDPM2012"] },
            "MSDPM": { "startType": "manual", "state": "running" }
          }
        }
        """);

    private static string Json(string text) => new JValue(text).ToString(Newtonsoft.Json.Formatting.None);

    private static JObject SetupValues(Scenario scenario) => (JObject)scenario.SnapshotJson["registry"]![SetupKey]!;

    [Fact]
    public void WhatIfReportsBothValuesTheRestartsAndTheFollowUpAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = new Scenario(Account(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("agent-account"));
        Assert.Equal(
            [$"SqlAgentAccountName: {DpmAccount} → NT AUTHORITY\\SYSTEM", $"SchedulerJobOwnerName: {DpmAccount} → NT AUTHORITY\\SYSTEM"],
            plan.DifferencesOf("agent-account"));
        Assert.Equal(["SQLAgent$MSDPM2012", "MSSQL$MSDPM2012"], plan.Restarts.Select(r => r.Service));
        Assert.All(plan.Restarts, r => Assert.Equal(RestartStatus.Planned, r.Status));
        Assert.Contains(plan.ManualSteps, s => s.Resource == "agent-account" && s.Step == RegenerateJobs);
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyWritesTheAgentAccountAndRestartsTheAgentAroundTheEngine()
    {
        using var scenario = new Scenario(Account(), Host());

        var run = ObservedRun.Apply(scenario);

        Assert.Equal(ResourceStatus.Changed, run.Result.StatusOf("agent-account"));
        Assert.Equal(
            ["stop SQLAgent$MSDPM2012", "stop MSSQL$MSDPM2012", "start MSSQL$MSDPM2012", "start SQLAgent$MSDPM2012"],
            run.ServiceControls);
        Assert.Equal(["SQLAgent$MSDPM2012", "MSSQL$MSDPM2012"], run.Result.Restarts.Select(r => r.Service));
        Assert.All(run.Result.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
        Assert.Contains(run.Result.ManualSteps, s => s.Step == RegenerateJobs);
        var services = scenario.SnapshotJson["services"]!;
        Assert.Equal("running", (string)services["SQLAgent$MSDPM2012"]!["state"]!);
        Assert.Equal("running", (string)services["MSSQL$MSDPM2012"]!["state"]!);
        var values = SetupValues(scenario);
        Assert.Equal("""{"kind":"string","data":"NT AUTHORITY\\SYSTEM"}""", values["SqlAgentAccountName"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal(@"NT AUTHORITY\SYSTEM", (string)values["SchedulerJobOwnerName"]!["data"]!);
        Assert.Equal(@"C:\Program Files\Microsoft System Center\DPM\DPM\", (string)values["InstallPath"]!["data"]!);
    }

    [Fact]
    public void TheSecondApplyChangesNothingAndRestartsNothing()
    {
        using var scenario = new Scenario(Account(), Host());

        scenario.Apply();
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("agent-account"));
        Assert.Empty(second.Restarts);
        Assert.Empty(second.ManualSteps);
        Assert.Equal(0, ExitCodes.Detailed(second));
    }

    [Theory]
    [InlineData("LocalSystem", @"NT AUTHORITY\SYSTEM")]
    [InlineData(@"NT AUTHORITY\SYSTEM", "LocalSystem")]
    [InlineData(@".\MICROSOFT$DPM$Acct", DpmAccount)]
    [InlineData(DpmAccount, @".\microsoft$dpm$acct")]
    [InlineData(@"CONTOSO\svc-sql", @"contoso\SVC-SQL")]
    public void AccountsThatWindowsTreatsAsTheSameAreNoDrift(string agentAccount, string recorded)
    {
        using var scenario = new Scenario(Account(), Host(agentAccount, recorded));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("agent-account"));
    }

    [Fact]
    public void ADotBackslashAgentAccountIsWrittenWithTheComputerName()
    {
        using var scenario = new Scenario(Account(), Host(@".\MICROSOFT$DPM$Acct", @"CONTOSO\old-sql"));

        Assert.Equal(
            [$"SqlAgentAccountName: CONTOSO\\old-sql → {DpmAccount}", $"SchedulerJobOwnerName: CONTOSO\\old-sql → {DpmAccount}"],
            scenario.Plan().DifferencesOf("agent-account"));
        scenario.Apply();
        Assert.Equal(DpmAccount, (string)SetupValues(scenario)["SqlAgentAccountName"]!["data"]!);
    }

    [Fact]
    public void AMissingValueOrOneOfTheWrongKindIsWrittenAsAString()
    {
        var host = Host();
        var values = (JObject)host["registry"]![SetupKey]!;
        values.Remove("SqlAgentAccountName");
        values["SchedulerJobOwnerName"] = JObject.Parse("""{ "kind": "expandString", "data": "LocalSystem" }""");
        using var scenario = new Scenario(Account(), host);

        Assert.Equal(
            ["SqlAgentAccountName: (absent) → NT AUTHORITY\\SYSTEM",
             "SchedulerJobOwnerName: {\"kind\":\"expandString\",\"data\":\"LocalSystem\"} → {\"kind\":\"string\",\"data\":\"NT AUTHORITY\\\\SYSTEM\"}"],
            scenario.Plan().DifferencesOf("agent-account"));
        scenario.Apply();
        Assert.Equal("string", (string)SetupValues(scenario)["SchedulerJobOwnerName"]!["kind"]!);
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("agent-account"));
    }

    [Fact]
    public void OtherValueNamesAndSetupKeyAreHonoured()
    {
        var host = Host();
        host["registry"]!["HKLM\\SOFTWARE\\Contoso\\DPM"] = JObject.Parse("""{ "AgentAccount": { "kind": "string", "data": "sa" } }""");
        using var scenario = new Scenario(
            Account("""{ "instance": "MSDPM2012", "setupKey": "HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\DPM", "valueNames": "AgentAccount" }"""), host);

        Assert.Equal(["AgentAccount: sa → NT AUTHORITY\\SYSTEM"], scenario.Plan().DifferencesOf("agent-account"));
        scenario.Apply();
        Assert.Equal(DpmAccount, (string)SetupValues(scenario)["SqlAgentAccountName"]!["data"]!);
    }

    [Fact]
    public void TheDefaultInstanceUsesItsOwnServiceNames()
    {
        var host = Host();
        var services = (JObject)host["services"]!;
        services.Remove("MSSQL$MSDPM2012");
        services.Remove("SQLAgent$MSDPM2012");
        services["MSSQLSERVER"] = JObject.Parse("""{ "startType": "automatic", "state": "running", "account": "LocalSystem" }""");
        services["SQLSERVERAGENT"] = JObject.Parse("""{ "startType": "automatic", "state": "running", "account": "LocalSystem", "dependsOn": ["MSSQLSERVER"] }""");
        using var scenario = new Scenario(Account("""{ "instance": "MSSQLSERVER" }"""), host);

        var run = ObservedRun.Apply(scenario);

        Assert.Equal(ResourceStatus.Changed, run.Result.StatusOf("agent-account"));
        Assert.Equal(["stop SQLSERVERAGENT", "stop MSSQLSERVER", "start MSSQLSERVER", "start SQLSERVERAGENT"], run.ServiceControls);
    }

    [Fact]
    public void AMissingAgentServiceFailsTheResourceWithWhatToCheck()
    {
        using var scenario = new Scenario(Account("""{ "instance": "MSDPM2016" }"""), Host());

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("agent-account"));
        Assert.Equal(
            "could not read: the SQL Server Agent service \"SQLAgent$MSDPM2016\" of instance \"MSDPM2016\" is not installed on DPM01, so there is no account to record; check \"instance\" (DPM's is named like MSDPM2012).",
            run.Resource("agent-account").Error);
    }

    [Fact]
    public void AMissingSetupKeyFailsTheResourceInsteadOfInventingDpmSettings()
    {
        var host = Host();
        host["registry"] = new JObject();
        using var scenario = new Scenario(Account(), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("agent-account"));
        Assert.Equal(
            $"could not read: the key {SetupKey} does not exist on DPM01, so DPM is not installed here; run this resource on the DPM server, or correct \"setupKey\".",
            run.Resource("agent-account").Error);
        Assert.Empty(run.Restarts);
    }

    [Fact]
    public void ASetFaultFailsOnlyThisResourceAndRestartsNothing()
    {
        var resources = Account();
        resources.Add(JObject.Parse("""{ "id": "other", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Other", "values": { "V": { "kind": "dword", "data": 1 } } } }"""));
        var host = Host();
        host["faults"] = JArray.Parse($$"""[ { "operation": "set", "target": {{Json("registry:" + SetupKey)}}, "message": "Access is denied." } ]""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("agent-account"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("agent-account").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
        Assert.Empty(run.Restarts);
        Assert.Equal(DpmAccount, (string)SetupValues(scenario)["SqlAgentAccountName"]!["data"]!);
    }

    [Fact]
    public void AReadFaultOnTheAgentServiceIsAFailureNeverDrift()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "read", "target": "service:sqlagent$msdpm2012", "message": "The operation timed out." } ]""");
        using var scenario = new Scenario(Account(), host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("agent-account"));
        Assert.Equal("could not read: The operation timed out.", run.Resource("agent-account").Error);
    }

    [Theory]
    [InlineData("""{ }""", 2, 69, "resource \"agent-account\" (sqlAgentAccount) has no \"instance\"; add \"instance\": \"...\".")]
    [InlineData("""{ "instance": "DPMSQL01\\MSDPM2012" }""", 2, 103,
        "\"instance\" of resource \"agent-account\" (sqlAgentAccount) is \"DPMSQL01\\MSDPM2012\", not a SQL Server instance name; give only the part after the backslash (\"MSDPM2012\"): the resource runs on the SQL Server's own host.")]
    [InlineData("""{ "instance": "MSDPM-2012" }""", 2, 94,
        "\"instance\" of resource \"agent-account\" (sqlAgentAccount) is \"MSDPM-2012\", not a SQL Server instance name; give the instance name as in the service name SQLAgent$<instance>, such as \"MSDPM2012\" (up to 16 letters, digits, '_' or '$', starting with a letter or '_'; \"MSSQLSERVER\" for the default instance).")]
    [InlineData("""{ "instance": "MSDPM2012", "valueNames": [] }""", 2, 110,
        "\"valueNames\" of resource \"agent-account\" (sqlAgentAccount) is empty; name at least one value, or remove \"valueNames\" to use SqlAgentAccountName and SchedulerJobOwnerName.")]
    [InlineData("""{ "instance": "MSDPM2012", "valueNames": ["A", "a"] }""", 2, 110,
        "the value \"A\" appears twice in \"valueNames\" of resource \"agent-account\" (sqlAgentAccount) (value names ignore case on Windows); keep one.")]
    [InlineData("""{ "instance": "MSDPM2012", "setupKey": "SOFTWARE\\DPM" }""", 2, 122,
        "\"setupKey\" of resource \"agent-account\" (sqlAgentAccount) is \"SOFTWARE\\DPM\"; give a key under HKLM, such as \"HKLM\\\\SOFTWARE\\\\Vendor\\\\Product\" (HKEY_LOCAL_MACHINE\\\\... also works).")]
    [InlineData("""{ "instance": "MSDPM2012", "valuenames": ["A"] }""", 2, 108,
        "resource \"agent-account\" (sqlAgentAccount) has an unknown member \"valuenames\" (did you mean \"valueNames\"?); the members it understands are: instance, setupKey, valueNames.")]
    public void InvalidPropertiesAreRejectedWithTheirLocationAndTheFix(string properties, int line, int column, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("baseline.json", $$"""
            { "name": "test", "resources": [
              { "id": "agent-account", "type": "sqlAgentAccount", "properties": {{properties}} } ] }
            """);

        var error = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(problem, error.Problem);
        Assert.Equal((line, column), (error.Location!.Line, error.Location.Column));
    }
}
