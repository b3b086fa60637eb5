using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class ScheduledTaskResourceTests
{
    private const string OnlineBackup = @"\Microsoft\OnlineBackup\Microsoft-OnlineBackup";

    /// <summary>Seed 003: a MARS host whose backup task was disabled, beside tasks the baseline does not mention.</summary>
    private static JObject Host() => JObject.Parse("""
        { "scheduledTasks": {
            "\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup": { "enabled": false, "runAs": "SYSTEM" },
            "\\Microsoft\\Windows\\Defrag\\ScheduledDefrag": { "enabled": false, "runAs": "SYSTEM" },
            "\\Vendor\\Inventory": { "enabled": true, "runAs": "CONTOSO\\svc-inventory" } } }
        """);

    private static JArray OnlineBackupEnabled() => JArray.Parse("""
        [ { "id": "online-backup", "type": "scheduledTask",
            "properties": { "path": "\\microsoft\\onlinebackup\\", "name": "Microsoft-OnlineBackup", "enabled": true,
                            "runAs": ["NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators"] } } ]
        """);

    private static string Quote(string s) => JValue.CreateString(s).ToString(Formatting.None);

    [Fact]
    public void WhatIfShowsTheTaskWouldBeEnabledAndWritesNothing()
    {
        using var scenario = new Scenario(OnlineBackupEnabled(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("online-backup"));
        Assert.Equal(["enabled: false → true"], plan.DifferencesOf("online-backup"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyEnablesTheTaskLeavesTheOthersAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(OnlineBackupEnabled(), Host());

        var first = scenario.Apply();
        var afterFirst = File.ReadAllBytes(scenario.SnapshotPath);
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("online-backup"));
        var tasks = scenario.SnapshotJson["scheduledTasks"]!;
        Assert.True((bool)tasks[OnlineBackup]!["enabled"]!);
        Assert.Equal("SYSTEM", (string)tasks[OnlineBackup]!["runAs"]!);
        Assert.False((bool)tasks[@"\Microsoft\Windows\Defrag\ScheduledDefrag"]!["enabled"]!);
        Assert.True((bool)tasks[@"\Vendor\Inventory"]!["enabled"]!);
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("online-backup"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(afterFirst, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ATaskCanBeDisabledAndARootFolderTaskIsFound()
    {
        var host = Host();
        host["scheduledTasks"]!["\\Cleanup"] = JObject.Parse("""{ "enabled": true, "runAs": "SYSTEM" }""");
        var resources = JArray.Parse("""
            [ { "id": "defrag", "type": "scheduledTask", "properties": { "path": "\\Microsoft\\Windows\\Defrag", "name": "ScheduledDefrag", "enabled": false } },
              { "id": "cleanup", "type": "scheduledTask", "properties": { "path": "\\", "name": "cleanup", "enabled": false } } ]
            """);
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Compliant, run.StatusOf("defrag"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("cleanup"));
        Assert.False((bool)scenario.SnapshotJson["scheduledTasks"]!["\\Cleanup"]!["enabled"]!);
    }

    [Fact]
    public void ARunAsMismatchIsAManualStepAndTheAccountIsNeverChanged()
    {
        var host = Host();
        host["scheduledTasks"]![OnlineBackup]!["runAs"] = @"CONTOSO\backup-admin";
        using var scenario = new Scenario(OnlineBackupEnabled(), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, run.StatusOf("online-backup"));
        Assert.Equal(["enabled: false → true", @"runAs: CONTOSO\backup-admin → NT AUTHORITY\SYSTEM or BUILTIN\Administrators"], run.DifferencesOf("online-backup"));
        var task = scenario.SnapshotJson["scheduledTasks"]![OnlineBackup]!;
        Assert.True((bool)task["enabled"]!);
        Assert.Equal(@"CONTOSO\backup-admin", (string)task["runAs"]!);
        var step = Assert.Single(run.ManualSteps);
        Assert.Equal(
            @"runAs is CONTOSO\backup-admin, the baseline wants NT AUTHORITY\SYSTEM or BUILTIN\Administrators; set the account in Task Scheduler "
            + @"(task ""\microsoft\onlinebackup\Microsoft-OnlineBackup"", General tab, ""When running the task, use the following user account""): "
            + "the task's credentials belong to the product that registered it, so this tool never changes them",
            step.Step);
    }

    [Fact]
    public void AnEnabledTaskWithTheWrongAccountIsManualWritesNothingAndExitsTwo()
    {
        var host = Host();
        host["scheduledTasks"]![OnlineBackup]!["enabled"] = true;
        host["scheduledTasks"]![OnlineBackup]!["runAs"] = @"CONTOSO\backup-admin";
        using var scenario = new Scenario(OnlineBackupEnabled(), host);
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("online-backup"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal(2, ExitCodes.Detailed(run));
    }

    [Theory]
    [InlineData("SYSTEM", @"NT AUTHORITY\SYSTEM")]
    [InlineData("LocalSystem", "SYSTEM")]
    [InlineData(@"BUILTIN\Administrators", "Administrators")]
    [InlineData("administrators", @"BUILTIN\Administrators")]
    [InlineData(@".\backup", @"HOST01\backup")]
    public void RunAsSpellingsWindowsTreatsAsOneAreNoDrift(string desired, string actual)
    {
        var host = JObject.Parse($$"""{ "scheduledTasks": { "\\T": { "enabled": true, "runAs": {{Quote(actual)}} } } }""");
        var resources = JArray.Parse($$"""[ { "id": "t", "type": "scheduledTask", "properties": { "path": "\\", "name": "T", "runAs": {{Quote(desired)}} } } ]""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("t"));
    }

    [Fact]
    public void AMissingTaskFailsWithTheWayToGetItBack()
    {
        var host = Host();
        ((JObject)host["scheduledTasks"]!).Remove(OnlineBackup);
        using var scenario = new Scenario(OnlineBackupEnabled(), host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("online-backup"));
        Assert.Equal(
            @"could not read: the scheduled task ""\microsoft\onlinebackup\Microsoft-OnlineBackup"" does not exist on HOST01; "
            + "this tool only enables or disables a task its product registered (the MARS agent registers Microsoft-OnlineBackup): "
            + "reinstall or re-register that product, or correct \"path\" and \"name\".",
            run.Resource("online-backup").Error);
    }

    [Fact]
    public void AFaultOnOneTaskFailsOnlyTheResourceUsingIt()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "task:\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup", "message": "Access is denied." } ]""");
        var resources = OnlineBackupEnabled();
        resources.Add(JObject.Parse("""{ "id": "defrag", "type": "scheduledTask", "properties": { "path": "\\Microsoft\\Windows\\Defrag\\", "name": "ScheduledDefrag", "enabled": true } }"""));
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("online-backup"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("online-backup").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("defrag"));
        Assert.False((bool)scenario.SnapshotJson["scheduledTasks"]![OnlineBackup]!["enabled"]!);
    }

    [Fact]
    public void AMissingNameIsAnErrorAtTheProperties()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (scheduledTask) has no \"name\"; add \"name\": \"...\".",
            BaselineErrors.Of("scheduledTask", """{ "path": "\\Microsoft\\OnlineBackup\\", "enabled": true }"""));
    }

    [Fact]
    public void AMissingPathIsAnErrorAtTheProperties()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (scheduledTask) has no \"path\"; add \"path\": \"...\".",
            BaselineErrors.Of("scheduledTask", """{ "name": "Microsoft-OnlineBackup", "enabled": true }"""));
    }

    [Fact]
    public void APathNotFromTheRootIsAnError()
    {
        Assert.Equal(
            "b.json(2,35): \"path\" of resource \"a\" (scheduledTask) is \"Microsoft\\OnlineBackup\"; give the task's folder from the root, such as \"\\\\Microsoft\\\\OnlineBackup\\\\\" (\"\\\\\" for the root folder).",
            BaselineErrors.Of("scheduledTask", """{ "path": "Microsoft\\OnlineBackup", "name": "Microsoft-OnlineBackup", "enabled": true }"""));
    }

    [Fact]
    public void ANameWithAFolderIsAnError()
    {
        Assert.Equal(
            "b.json(2,73): \"name\" of resource \"a\" (scheduledTask) is \"OnlineBackup\\Microsoft-OnlineBackup\"; give the task's name alone, such as \"Microsoft-OnlineBackup\", and its folder in \"path\".",
            BaselineErrors.Of("scheduledTask", """{ "path": "\\Microsoft\\", "name": "OnlineBackup\\Microsoft-OnlineBackup", "enabled": true }"""));
    }

    [Fact]
    public void ATaskWithNothingToManageIsAnError()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (scheduledTask) declares nothing to manage; add \"enabled\" or \"runAs\".",
            BaselineErrors.Of("scheduledTask", """{ "path": "\\", "name": "T" }"""));
    }
}
