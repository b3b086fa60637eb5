using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class UserRightResourceTests
{
    /// <summary>Seed 002: Bypass traverse checking as the policy lists it, without the workload backup plugin's account.</summary>
    private static JObject Host() => JObject.Parse("""
        { "userRights": {
            "SeChangeNotifyPrivilege": ["\\Everyone", "BUILTIN\\Administrators", "NT AUTHORITY\\LOCAL SERVICE", "BUILTIN\\Backup Operators"],
            "SeServiceLogonRight": ["NT SERVICE\\ALL SERVICES"] } }
        """);

    private static JArray BypassTraverse() => JArray.Parse("""
        [ { "id": "bypass-traverse", "type": "userRight",
            "properties": { "right": "SeChangeNotifyPrivilege", "identities": ["Everyone", "Administrators", "NT SERVICE\\AzureWLBackupPluginSvc"] } } ]
        """);

    private static string Quote(string s) => JValue.CreateString(s).ToString(Formatting.None);

    private static IReadOnlyList<string> HoldersOf(Scenario scenario, string right) =>
        scenario.SnapshotJson["userRights"]![right]!.Values<string>().Select(s => s!).ToList();

    [Fact]
    public void WhatIfNamesEachMissingHolderAndWritesNothing()
    {
        using var scenario = new Scenario(BypassTraverse(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("bypass-traverse"));
        Assert.Equal([@"identities: (absent) → NT SERVICE\AzureWLBackupPluginSvc"], plan.DifferencesOf("bypass-traverse"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyGrantsTheMissingHolderKeepsEveryOtherAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(BypassTraverse(), Host());

        var first = scenario.Apply();
        var afterFirst = File.ReadAllBytes(scenario.SnapshotPath);
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("bypass-traverse"));
        Assert.Equal(
            [@"\Everyone", @"BUILTIN\Administrators", @"NT AUTHORITY\LOCAL SERVICE", @"BUILTIN\Backup Operators", @"NT SERVICE\AzureWLBackupPluginSvc"],
            HoldersOf(scenario, "SeChangeNotifyPrivilege"));
        Assert.Equal([@"NT SERVICE\ALL SERVICES"], HoldersOf(scenario, "SeServiceLogonRight"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("bypass-traverse"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(afterFirst, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void HoldersTheBaselineDoesNotNameAreNeverRevoked()
    {
        var resources = JArray.Parse("""[ { "id": "r", "type": "userRight", "properties": { "right": "SeChangeNotifyPrivilege", "identities": ["Everyone"] } } ]""");
        using var scenario = new Scenario(resources, Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Compliant, run.StatusOf("r"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ARightNobodyHoldsGetsItsFirstHolders()
    {
        var resources = JArray.Parse("""
            [ { "id": "r", "type": "userRight", "properties": { "right": "SeBackupPrivilege", "identities": ["LocalSystem", "BUILTIN\\Backup Operators", "builtin\\backup operators"] } } ]
            """);
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Apply();

        Assert.Equal([@"identities: (absent) → NT AUTHORITY\SYSTEM", @"identities: (absent) → BUILTIN\Backup Operators"], run.DifferencesOf("r"));
        Assert.Equal([@"NT AUTHORITY\SYSTEM", @"BUILTIN\Backup Operators"], HoldersOf(scenario, "SeBackupPrivilege"));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("r"));
    }

    [Theory]
    [InlineData("Everyone", @"\Everyone")]
    [InlineData(@"\Everyone", "Everyone")]
    [InlineData(@"BUILTIN\Administrators", "Administrators")]
    [InlineData("administrators", @"BUILTIN\Administrators")]
    [InlineData("LocalService", @"NT AUTHORITY\LOCAL SERVICE")]
    [InlineData(@".\backup", @"HOST01\backup")]
    [InlineData(@"nt service\azurewlbackuppluginsvc", @"NT SERVICE\AzureWLBackupPluginSvc")]
    public void AccountSpellingsWindowsTreatsAsOneAreNoDrift(string desired, string holder)
    {
        var host = JObject.Parse($$"""{ "userRights": { "SeChangeNotifyPrivilege": [{{Quote(holder)}}] } }""");
        var resources = JArray.Parse($$"""[ { "id": "r", "type": "userRight", "properties": { "right": "SeChangeNotifyPrivilege", "identities": [{{Quote(desired)}}] } } ]""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("r"));
    }

    [Fact]
    public void AFaultOnOneRightFailsOnlyTheResourceUsingIt()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "userRight:SeChangeNotifyPrivilege", "message": "Access is denied." } ]""");
        var resources = BypassTraverse();
        resources.Add(JObject.Parse("""{ "id": "logon", "type": "userRight", "properties": { "right": "SeServiceLogonRight", "identities": ["NT SERVICE\\AzureWLBackupPluginSvc"] } }"""));
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("bypass-traverse"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("bypass-traverse").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("logon"));
        Assert.Equal(4, HoldersOf(scenario, "SeChangeNotifyPrivilege").Count);
    }

    [Theory]
    [InlineData("Bypass traverse checking", 37)]
    [InlineData("SeChangeNotify", 27)]
    [InlineData("seChangeNotifyPrivilege", 36)]
    public void ARightThatIsNotAConstantIsAnError(string right, int column)
    {
        Assert.Equal(
            $"b.json(2,{column}): \"right\" of resource \"a\" (userRight) is \"{right}\"; give the right's constant, Se...Privilege or Se...Right, such as \"SeChangeNotifyPrivilege\" for Bypass traverse checking.",
            BaselineErrors.Of("userRight", $$"""{ "right": "{{right}}", "identities": ["Everyone"] }"""));
    }

    [Fact]
    public void EmptyIdentitiesAreAnError()
    {
        Assert.Equal(
            "b.json(2,53): \"identities\" of resource \"a\" (userRight) is empty; name at least one account that must hold the right, such as \"NT SERVICE\\\\AzureWLBackupPluginSvc\".",
            BaselineErrors.Of("userRight", """{ "right": "SeChangeNotifyPrivilege", "identities": [] }"""));
    }

    [Fact]
    public void MissingIdentitiesAreAnError()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (userRight) has no \"identities\"; add \"identities\": [\"NT SERVICE\\\\AzureWLBackupPluginSvc\"].",
            BaselineErrors.Of("userRight", """{ "right": "SeChangeNotifyPrivilege" }"""));
    }

    [Fact]
    public void AnEmptyIdentityIsAnError()
    {
        Assert.Equal(
            "b.json(2,67): \"identities\" of resource \"a\" (userRight) is empty; give it a value or remove it.",
            BaselineErrors.Of("userRight", """{ "right": "SeChangeNotifyPrivilege", "identities": ["Everyone", ""] }"""));
    }
}
