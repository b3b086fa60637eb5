using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class WindowsFeatureResourceTests
{
    /// <summary>Seed 004: a System State backup host without Windows Server Backup.</summary>
    private static JObject Host() => JObject.Parse("""
        { "features": {
            "Windows-Server-Backup": { "installed": false },
            "Telnet-Client": { "installed": true },
            "RSAT-AD-PowerShell": { "installed": false } } }
        """);

    private static JArray ServerBackup() => JArray.Parse("""
        [ { "id": "wsb", "type": "windowsFeature", "properties": { "name": "windows-server-backup" } } ]
        """);

    [Fact]
    public void WhatIfShowsTheFeatureWouldBeInstalledAndWritesNothing()
    {
        using var scenario = new Scenario(ServerBackup(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("wsb"));
        Assert.Equal(["installed: false → true"], plan.DifferencesOf("wsb"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyInstallsItLeavesTheOtherFeaturesAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(ServerBackup(), Host());

        var first = scenario.Apply();
        var afterFirst = File.ReadAllBytes(scenario.SnapshotPath);
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("wsb"));
        var features = scenario.SnapshotJson["features"]!;
        Assert.True((bool)features["Windows-Server-Backup"]!["installed"]!);
        Assert.True((bool)features["Telnet-Client"]!["installed"]!);
        Assert.False((bool)features["RSAT-AD-PowerShell"]!["installed"]!);
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("wsb"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(afterFirst, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void InstalledFalseUninstallsTheFeature()
    {
        var resources = JArray.Parse("""[ { "id": "telnet", "type": "windowsFeature", "properties": { "name": "Telnet-Client", "installed": false } } ]""");
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Apply();

        Assert.Equal(["installed: true → false"], run.DifferencesOf("telnet"));
        Assert.False((bool)scenario.SnapshotJson["features"]!["Telnet-Client"]!["installed"]!);
        Assert.False((bool)scenario.SnapshotJson["features"]!["Windows-Server-Backup"]!["installed"]!);
    }

    [Fact]
    public void AFeatureThisEditionDoesNotHaveFails()
    {
        var resources = JArray.Parse("""[ { "id": "wsb", "type": "windowsFeature", "properties": { "name": "Windows-Server-Backups" } } ]""");
        using var scenario = new Scenario(resources, Host());

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("wsb"));
        Assert.Equal(
            "could not read: \"Windows-Server-Backups\" is not a feature of this Windows edition on HOST01; list the features with Get-WindowsFeature and correct \"name\".",
            run.Resource("wsb").Error);
    }

    [Fact]
    public void AFaultOnOneFeatureFailsOnlyTheResourceUsingIt()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "feature:Windows-Server-Backup", "message": "The request to add or remove features on the specified server failed." } ]""");
        var resources = ServerBackup();
        resources.Add(JObject.Parse("""{ "id": "rsat", "type": "windowsFeature", "properties": { "name": "RSAT-AD-PowerShell" } }"""));
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("wsb"));
        Assert.Equal("could not apply: The request to add or remove features on the specified server failed.", run.Resource("wsb").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("rsat"));
        Assert.False((bool)scenario.SnapshotJson["features"]!["Windows-Server-Backup"]!["installed"]!);
    }

    [Fact]
    public void AMissingNameIsAnErrorAtTheProperties()
    {
        Assert.Equal(
            "b.json(2,1): resource \"a\" (windowsFeature) has no \"name\"; add \"name\": \"...\".",
            BaselineErrors.Of("windowsFeature", """{ "installed": true }"""));
    }

    [Fact]
    public void ADisplayNameIsAnErrorThatAsksForTheFeatureName()
    {
        Assert.Equal(
            "b.json(2,33): \"name\" of resource \"a\" (windowsFeature) is \"Windows Server Backup\"; give the feature's Name as Get-WindowsFeature lists it, such as \"Windows-Server-Backup\", not its display name.",
            BaselineErrors.Of("windowsFeature", """{ "name": "Windows Server Backup" }"""));
    }

    [Fact]
    public void InstalledMustBeABoolean()
    {
        Assert.Equal(
            "b.json(2,53): \"installed\" of resource \"a\" (windowsFeature) must be true or false; found the string \"yes\".",
            BaselineErrors.Of("windowsFeature", """{ "name": "Windows-Server-Backup", "installed": "yes" }"""));
    }
}
