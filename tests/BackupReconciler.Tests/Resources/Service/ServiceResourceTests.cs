using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class ServiceResourceTests
{
    /// <summary>Seed 004's dependent services, drifted the way a broken System State host is.</summary>
    private static JObject Host() => JObject.Parse("""
        { "services": {
            "RpcSs": { "startType": "automatic", "state": "running", "account": "NT AUTHORITY\\NetworkService" },
            "EventSystem": { "startType": "manual", "state": "stopped", "account": "NT AUTHORITY\\LocalService", "dependsOn": ["rpcss"] },
            "SENS": { "startType": "disabled", "state": "stopped", "account": "LocalSystem", "dependsOn": ["EventSystem"] },
            "VSS": { "startType": "disabled", "state": "stopped", "account": "LocalSystem", "dependsOn": ["RpcSs"] },
            "Unrelated": { "startType": "manual", "state": "stopped" } } }
        """);

    private static JArray Resources() => JArray.Parse("""
        [ { "id": "sens", "type": "service", "properties": { "name": "sens", "startType": "automatic", "state": "running", "account": "localsystem" } },
          { "id": "vss", "type": "service", "properties": { "name": "VSS", "startType": "manual" } } ]
        """);

    [Fact]
    public void WhatIfListsStartTypeAndStateAndWritesNothing()
    {
        using var scenario = new Scenario(Resources(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(["startType: disabled → automatic", "state: stopped → running"], plan.DifferencesOf("sens"));
        Assert.Equal(["startType: disabled → manual"], plan.DifferencesOf("vss"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void StartingAServiceStartsItsStoppedDependenciesFirstAndTheSecondApplyIsQuiet()
    {
        using var scenario = new Scenario(Resources(), Host());

        var first = scenario.Apply();
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("sens"));
        var services = scenario.SnapshotJson["services"]!;
        Assert.Equal("running", (string)services["EventSystem"]!["state"]!);
        Assert.Equal("running", (string)services["SENS"]!["state"]!);
        Assert.Equal("stopped", (string)services["Unrelated"]!["state"]!);
        Assert.NotEmpty(second.Resources);
        Assert.All(second.Resources, r => Assert.Equal(ResourceStatus.Compliant, r.Status));
        Assert.Equal(0, ExitCodes.Detailed(second));
    }

    [Fact]
    public void StartingFailsWithWindowsOwnErrorWhenADependencyIsDisabled()
    {
        var host = Host();
        host["services"]!["EventSystem"]!["startType"] = "disabled";
        using var scenario = new Scenario(Resources(), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("sens"));
        Assert.Equal("could not apply: The dependency service or group failed to start. (1068: EventSystem is disabled)", run.Resource("sens").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("vss"));
    }

    [Fact]
    public void AutomaticDelayedIsItsOwnStartType()
    {
        var resources = JArray.Parse("""[ { "id": "a", "type": "service", "properties": { "name": "RpcSs", "startType": "automaticDelayed" } } ]""");
        using var scenario = new Scenario(resources, Host());

        Assert.Equal(["startType: automatic → automaticDelayed"], scenario.Plan().DifferencesOf("a"));
        scenario.Apply();
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("a"));
    }

    [Theory]
    [InlineData("LocalSystem", @"NT AUTHORITY\SYSTEM")]
    [InlineData(@"nt authority\system", "LocalSystem")]
    [InlineData(@".\svc-backup", @"HOST01\svc-backup")]
    [InlineData("NetworkService", @"NT AUTHORITY\NETWORK SERVICE")]
    public void AccountSpellingsWindowsTreatsAsOneAreNoDrift(string desired, string actual)
    {
        var host = JObject.Parse($$"""{ "services": { "S": { "startType": "manual", "state": "stopped", "account": {{JValue.CreateString(actual).ToString(Newtonsoft.Json.Formatting.None)}} } } }""");
        var resources = JArray.Parse($$"""[ { "id": "a", "type": "service", "properties": { "name": "S", "account": {{JValue.CreateString(desired).ToString(Newtonsoft.Json.Formatting.None)}} } } ]""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("a"));
    }

    [Fact]
    public void AVirtualAccountIsSetButAnAccountWithAPasswordIsAManualStep()
    {
        var resources = JArray.Parse("""
            [ { "id": "virtual", "type": "service", "properties": { "name": "VSS", "account": "NT SERVICE\\VSS" } },
              { "id": "domain", "type": "service", "properties": { "name": "RpcSs", "account": "CONTOSO\\svc-sql" } } ]
            """);
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, run.StatusOf("virtual"));
        Assert.Equal(ResourceStatus.Manual, run.StatusOf("domain"));
        Assert.Equal(@"NT SERVICE\VSS", (string)scenario.SnapshotJson["services"]!["VSS"]!["account"]!);
        Assert.Equal(@"NT AUTHORITY\NetworkService", (string)scenario.SnapshotJson["services"]!["RpcSs"]!["account"]!);
        var step = Assert.Single(run.ManualSteps);
        Assert.Equal("domain", step.Resource);
        Assert.Contains("needs a password", step.Step, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceThatIsNotInstalledFailsWithTheFix()
    {
        var resources = JArray.Parse("""[ { "id": "a", "type": "service", "properties": { "name": "OBEngine", "startType": "automatic" } } ]""");
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("a"));
        Assert.Equal("could not read: the service \"OBEngine\" is not installed on HOST01; install the product that provides it, or correct the name.", run.Resource("a").Error);
    }

    [Fact]
    public void AnAuditResourceReportsManualAndChangesNothing()
    {
        var resources = JArray.Parse("""[ { "id": "a", "type": "service", "mode": "audit", "why": "VSS stops when idle", "properties": { "name": "VSS", "startType": "manual" } } ]""");
        using var scenario = new Scenario(resources, Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("a"));
        Assert.Equal("startType is disabled, the baseline wants manual; audit only: VSS stops when idle", Assert.Single(run.ManualSteps).Step);
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal(2, ExitCodes.Detailed(run));
    }

    [Fact]
    public void AServiceFaultFailsOnlyThatService()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "service:SENS", "message": "Access is denied." } ]""");
        using var scenario = new Scenario(Resources(), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("sens"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("sens").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("vss"));
    }

    [Theory]
    [InlineData("manual", ResourceStatus.Compliant)]
    [InlineData("automatic", ResourceStatus.Compliant)]
    [InlineData("disabled", ResourceStatus.Manual)]
    public void NotDisabledAcceptsAnyStartTypeButDisabledAndNeverChangesIt(string startType, ResourceStatus expected)
    {
        var host = JObject.Parse($$"""{ "services": { "MSiSCSI": { "startType": "{{startType}}", "state": "stopped" } } }""");
        using var scenario = new Scenario(JArray.Parse("""[ { "id": "iscsi", "type": "service", "properties": { "name": "msiscsi", "startType": "notDisabled" } } ]"""), host);

        var run = scenario.Apply();

        Assert.Equal(expected, run.StatusOf("iscsi"));
        Assert.Equal(startType, (string?)scenario.SnapshotJson["services"]!["MSiSCSI"]!["startType"]);
    }

    [Fact]
    public void NotDisabledOfAServiceThatIsNotInstalledFailsSayingSo()
    {
        using var scenario = new Scenario(JArray.Parse("""[ { "id": "iscsi", "type": "service", "properties": { "name": "MSiSCSI", "startType": "notDisabled" } } ]"""), new JObject());

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("iscsi"));
        Assert.Contains("is not installed", run.Resource("iscsi").Error);
    }
}
