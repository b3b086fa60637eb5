using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Engine;

public sealed class RestartTests
{
    /// <summary>MSSQL ← SQLAgent ← Dependent: stopping MSSQL needs the others stopped first.</summary>
    private static JObject Host(string agentState = "running") => JObject.Parse($$"""
        { "services": {
            "MSSQL$DPM": { "startType": "automatic", "state": "running" },
            "SQLAgent$DPM": { "startType": "automatic", "state": "{{agentState}}", "dependsOn": ["MSSQL$DPM"] },
            "Reporting": { "startType": "automatic", "state": "running", "dependsOn": ["SQLAgent$DPM"] },
            "DPMRA": { "startType": "manual", "state": "stopped" } } }
        """);

    private static JArray Resources(params string[] restarts) => new(restarts.Select((service, i) => JObject.Parse($$"""
        { "id": "r{{i}}", "type": "registry", "restartServices": ["{{service}}"],
          "properties": { "key": "HKLM\\SOFTWARE\\R{{i}}", "values": { "V": { "kind": "dword", "data": 1 } } } }
        """)));

    [Fact]
    public void RestartsAreDeduplicatedAndRunningDependentsStopFirstAndStartLast()
    {
        using var scenario = new Scenario(Resources("mssql$dpm", "MSSQL$DPM", "SQLAgent$DPM"), Host());

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], plan.Restarts.Select(r => r.Service));
        Assert.All(plan.Restarts, r => Assert.Equal(RestartStatus.Planned, r.Status));
        Assert.Equal("requested by r0, r1", plan.Restarts.Single(r => r.Service == "MSSQL$DPM").Reason);
        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], apply.Restarts.Select(r => r.Service));
        Assert.All(apply.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
        Assert.All(((JObject)scenario.SnapshotJson["services"]!).Properties().Where(p => p.Name != "DPMRA"),
            p => Assert.Equal("running", (string)p.Value["state"]!));
    }

    [Fact]
    public void AStoppedServiceIsNotStartedJustToRestartIt()
    {
        using var scenario = new Scenario(Resources("DPMRA"), Host());

        var run = scenario.Apply();

        Assert.Equal(RestartStatus.NotRunning, Assert.Single(run.Restarts).Status);
        Assert.Equal("stopped", (string)scenario.SnapshotJson["services"]!["DPMRA"]!["state"]!);
    }

    [Fact]
    public void NothingIsRestartedWhenNothingChanged()
    {
        using var scenario = new Scenario(Resources("MSSQL$DPM"), Host());
        scenario.Apply();

        Assert.Empty(scenario.Apply().Restarts);
    }

    [Fact]
    public void AFailedRestartIsAFailureOfTheRun()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "service:MSSQL$DPM", "message": "The service did not respond to the start or control request in a timely fashion. (1053)" } ]""");
        using var scenario = new Scenario(Resources("MSSQL$DPM"), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, run.StatusOf("r0"));
        Assert.Equal(RestartStatus.Failed, run.Restarts.Single(r => r.Service == "MSSQL$DPM").Status);
        Assert.Equal(6, ExitCodes.Detailed(run));
    }

    [Fact]
    public void WhatIfPlansTheRestartOfAServiceThisRunWouldStartAsApplyDoesIt()
    {
        var resources = Resources("MSSQL$DPM");
        resources.Add(JObject.Parse("""{ "id": "agent", "type": "service", "properties": { "name": "SQLAgent$DPM", "state": "running" } }"""));
        using var scenario = new Scenario(resources, Host(agentState: "stopped"));

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(["Reporting", "SQLAgent$DPM", "MSSQL$DPM"], plan.Restarts.Select(r => r.Service));
        Assert.Equal(plan.Restarts.Select(r => r.Service), apply.Restarts.Select(r => r.Service));
        Assert.All(apply.Restarts, r => Assert.Equal(RestartStatus.Restarted, r.Status));
    }
}
