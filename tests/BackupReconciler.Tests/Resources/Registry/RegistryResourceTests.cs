using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class RegistryResourceTests
{
    private const string AgentKey = @"HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Agent";

    private static JArray Timeouts(string restart = "DPMRA") => JArray.Parse($$"""
        [ {
            "id": "timeouts", "type": "registry", "restartServices": ["{{restart}}"],
            "properties": {
              "key": "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Microsoft Data Protection Manager\\Agent",
              "values": {
                "ConnectionNoActivityTimeout": { "kind": "dword", "data": 7200 },
                "CommandTimeout": { "kind": "dword", "data": "0x1b7740" },
                "Obsolete": { "ensure": "absent" }
              } } } ]
        """);

    private static JObject Host() => JObject.Parse($$"""
        {
          "registry": { "{{AgentKey.Replace(@"\", @"\\", StringComparison.Ordinal)}}": {
              "connectionnoactivitytimeout": { "kind": "dword", "data": 600 },
              "Obsolete": { "kind": "string", "data": "x" },
              "Unrelated": { "kind": "qword", "data": 18446744073709551615 } } },
          "services": { "DPMRA": { "startType": "manual", "state": "running" } }
        }
        """);

    [Fact]
    public void WhatIfReportsEachDifferenceAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = new Scenario(Timeouts(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("timeouts"));
        Assert.Equal(
            ["ConnectionNoActivityTimeout: 600 → 7200", "CommandTimeout: (absent) → 1800000", "Obsolete: {\"kind\":\"string\",\"data\":\"x\"} → (absent)"],
            plan.DifferencesOf("timeouts"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyConvergesKeepsUnrelatedValuesAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(Timeouts(), Host());

        var first = scenario.Apply();
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("timeouts"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("timeouts"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        var values = (JObject)scenario.SnapshotJson["registry"]![AgentKey]!;
        Assert.Equal(7200, (int)values["connectionnoactivitytimeout"]!["data"]!);
        Assert.Equal(1800000, (int)values["CommandTimeout"]!["data"]!);
        Assert.Null(values["Obsolete"]);
        Assert.Equal(ulong.MaxValue, (ulong)values["Unrelated"]!["data"]!);
    }

    [Fact]
    public void ApplyMakesExactlyThePlannedChanges()
    {
        using var scenario = new Scenario(Timeouts(), Host());

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(plan.DifferencesOf("timeouts"), apply.DifferencesOf("timeouts"));
        Assert.Equal(plan.Restarts.Select(r => r.Service), apply.Restarts.Select(r => r.Service));
    }

    [Fact]
    public void AWrongKindIsDriftEvenWhenTheTextLooksTheSame()
    {
        var host = JObject.Parse("""{ "registry": { "HKLM\\SOFTWARE\\X": { "V": { "kind": "string", "data": "7200" } } } }""");
        var resources = JArray.Parse("""[ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 7200 } } } } ]""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(["V: {\"kind\":\"string\",\"data\":\"7200\"} → {\"kind\":\"dword\",\"data\":7200}"], scenario.Plan().DifferencesOf("v"));
        scenario.Apply();
        Assert.Equal("dword", (string)scenario.SnapshotJson["registry"]!["HKLM\\SOFTWARE\\X"]!["V"]!["kind"]!);
    }

    [Theory]
    [InlineData("string", "\"text\"")]
    [InlineData("expandString", "\"%SystemRoot%\\\\x\"")]
    [InlineData("multiString", "[\"a\", \"b\"]")]
    [InlineData("binary", "\"01ff0a\"")]
    [InlineData("dword", "4294967295")]
    [InlineData("qword", "18446744073709551615")]
    public void EveryValueKindIsWrittenAndThenCompliant(string kind, string data)
    {
        var resources = JArray.Parse($$"""[ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Kinds", "values": { "V": { "kind": "{{kind}}", "data": {{data}} } } } } ]""");
        using var scenario = new Scenario(resources, new JObject());

        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("v"));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("v"));
        Assert.Equal(kind, (string)scenario.SnapshotJson["registry"]!["HKLM\\SOFTWARE\\Kinds"]!["V"]!["kind"]!);
    }

    [Fact]
    public void TheThirtyTwoBitViewWritesUnderWow6432Node()
    {
        var resources = JArray.Parse("""[ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "view": 32, "values": { "V": { "kind": "dword", "data": 1 } } } } ]""");
        using var scenario = new Scenario(resources, new JObject());

        scenario.Apply();

        var registry = (JObject)scenario.SnapshotJson["registry"]!;
        Assert.NotNull(registry["HKLM\\SOFTWARE\\WOW6432Node\\Vendor"]);
        Assert.Null(registry["HKLM\\SOFTWARE\\Vendor"]);
    }

    [Fact]
    public void AnAbsentValueThatIsAlreadyAbsentIsCompliant()
    {
        var resources = JArray.Parse("""[ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Missing", "values": { "V": { "ensure": "absent" } } } } ]""");
        using var scenario = new Scenario(resources, new JObject());

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("v"));
    }

    [Fact]
    public void ASetFaultFailsOnlyThatResourceSkipsItsDependentsAndTheRestApplies()
    {
        var resources = JArray.Parse("""
            [ { "id": "faulty", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\A", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "dependent", "type": "registry", "dependsOn": ["faulty"], "properties": { "key": "HKLM\\SOFTWARE\\B", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "independent", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\C", "values": { "V": { "kind": "dword", "data": 1 } } } } ]
            """);
        var host = JObject.Parse("""{ "faults": [ { "operation": "set", "target": "registry:HKEY_LOCAL_MACHINE\\software\\a", "message": "Access is denied." } ] }""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("faulty"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("faulty").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("dependent"));
        Assert.Equal("skipped because \"faulty\" failed", run.Resource("dependent").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("independent"));
        Assert.Equal(6, ExitCodes.Detailed(run));
        Assert.Equal(4, ExitCodes.Simple(run));
    }

    [Fact]
    public void AReadFaultIsAFailureNeverDrift()
    {
        var resources = JArray.Parse("""[ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\A", "values": { "V": { "kind": "dword", "data": 1 } } } } ]""");
        var host = JObject.Parse("""{ "faults": [ { "operation": "read", "target": "registry:HKLM\\SOFTWARE\\A", "message": "The operation timed out." } ] }""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("v"));
        Assert.Equal("could not read: The operation timed out.", run.Resource("v").Error);
        Assert.Equal(4, ExitCodes.Detailed(run));
    }

    [Fact]
    public void AFaultLimitedToOneCallFailsOnlyTheFirstCallOfTheRun()
    {
        var resources = JArray.Parse("""
            [ { "id": "first", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\A", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "second", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\A", "values": { "W": { "kind": "dword", "data": 1 } } } } ]
            """);
        var host = JObject.Parse("""{ "faults": [ { "operation": "read", "target": "registry:HKLM\\SOFTWARE\\A", "times": 1 } ] }""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("first"));
        Assert.Equal(ResourceStatus.Drifted, run.StatusOf("second"));
    }

    [Theory]
    [InlineData(528040, ResourceStatus.Compliant)]
    [InlineData(379893, ResourceStatus.Compliant)]
    [InlineData(378389, ResourceStatus.Manual)]
    public void AtLeastAcceptsAnyNumberFromTheMinimumUp(long release, ResourceStatus expected)
    {
        var host = JObject.Parse($$"""{ "registry": { "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full": { "Release": { "kind": "dword", "data": {{release}} } } } }""");
        var resources = JArray.Parse("""[ { "id": "net", "type": "registry", "mode": "audit", "properties": { "key": "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full", "values": { "Release": { "kind": "dword", "atLeast": 379893 } } } } ]""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(expected, scenario.Plan().StatusOf("net"));
    }

    [Fact]
    public void AtLeastNeedsANumberKind()
    {
        Assert.Equal(
            "b.json(2,81): \"atLeast\" of value \"V\" of resource \"a\" (registry) needs kind \"dword\" or \"qword\"; a string value has no order.",
            BaselineErrors.Of("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "string", "atLeast": "1" } } }"""));
    }
}
