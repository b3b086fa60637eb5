using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Snapshot;

public sealed class SnapshotHostTests
{
    [Fact]
    public void KeysValueNamesAndServiceNamesIgnoreCaseAndEitherHiveSpelling()
    {
        using var folder = new TempFolder();
        var host = SnapshotHost.Load(folder.Write("s.json", """
            { "computerName": "H", "registry": { "HKEY_LOCAL_MACHINE\\Software\\X": { "Value": { "kind": "dword", "data": 5 } } },
              "services": { "VSS": { "startType": "manual", "state": "stopped" } } }
            """));

        var values = host.Registry.ReadKey(RegistryKeyPath.Parse(@"hklm\SOFTWARE\x\"), RegistryView.Registry64);

        Assert.Equal(5UL, values!["VALUE"].Number);
        Assert.Equal("VSS", host.Services.Find("vss")!.Name);
    }

    [Fact]
    public void WriteBackKeepsEverySectionItDoesNotManageExactly()
    {
        using var folder = new TempFolder();
        var kept = """
            { "features": { "Windows-Server-Backup": { "installed": false } },
              "scheduledTasks": { "\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup": { "enabled": false, "runAs": "SYSTEM" } },
              "fileSystemRoot": "files" }
            """;
        var document = JObject.Parse(kept);
        document["computerName"] = "H";
        document["registry"] = new JObject();
        var path = folder.Write("s.json", document.ToString());
        Directory.CreateDirectory(folder.Combine("files"));
        var host = SnapshotHost.Load(path);

        host.Registry.SetValue(RegistryKeyPath.Parse(@"HKLM\SOFTWARE\X"), RegistryView.Registry64, "V", RegistryValue.DWord(1));
        host.Save();

        var written = JObject.Parse(File.ReadAllText(path));
        foreach (var property in JObject.Parse(kept).Properties())
        {
            Assert.True(JToken.DeepEquals(property.Value, written[property.Name]), property.Name);
        }

        Assert.Equal(1, (int)written["registry"]!["HKLM\\SOFTWARE\\X"]!["V"]!["data"]!);
    }

    [Fact]
    public void StoppingAServiceThatRunningServicesDependOnFailsAsOnWindows()
    {
        using var folder = new TempFolder();
        var host = SnapshotHost.Load(folder.Write("s.json", """
            { "computerName": "H", "services": {
                "MSSQL$X": { "startType": "automatic", "state": "running" },
                "SQLAgent$X": { "startType": "automatic", "state": "running", "dependsOn": ["MSSQL$X"] } } }
            """));

        var e = Assert.Throws<HostOperationException>(() => host.Services.Stop("MSSQL$X"));

        Assert.Equal("A stop control has been sent to a service that other running services are dependent on. (1051)", e.Message);
        Assert.Equal(["SQLAgent$X"], host.Services.DependentsOf("mssql$x"));
    }

    [Fact]
    public void AnUnknownSectionIsAnErrorWithASuggestion()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", "{ \"computerName\": \"H\",\n  \"servcies\": {} }");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Equal($"{path}(2,13): the snapshot has an unknown member \"servcies\" (did you mean \"services\"?); the members it understands are: "
            + "$schema, antivirus, backupActivity, capturedAt, computerName, events, facts, faults, features, fileAccess, fileSystemRoot, firewallRules, registry, scheduledTasks, services, shadowStorage, snapshotVersion, sqlInstances, userRights, volumes.", e.Message);
    }

    [Fact]
    public void ABadStartTypeInTheSnapshotIsLocated()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", """{ "computerName": "H", "services": { "VSS": { "startType": "sometimes" } } }""");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Equal($"{path}(1,70): \"startType\" of service \"VSS\" is the string \"sometimes\"; use one of: automatic, automaticDelayed, manual, disabled, boot, system.", e.Message);
    }

    [Theory]
    [InlineData("""{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "Port": { "kind": "dword", "data": "ten" } } } }""",
        "value \"Port\" of key \"HKLM\\SOFTWARE\\X\"")]
    [InlineData("""{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "Port": 7 } } }""",
        "value \"Port\" of key \"HKLM\\SOFTWARE\\X\" must be a JSON object")]
    [InlineData("""{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": [] } }""",
        "key \"HKLM\\SOFTWARE\\X\" must be a JSON object")]
    [InlineData("""{ "computerName": "H", "sqlInstances": { "MSDPM2012": { "jobs": [ { "name": "J", "enabled": "yes" } ] } } }""",
        "of a job of SQL Server instance \"MSDPM2012\"")]
    [InlineData("""{ "computerName": "H", "services": { "VSS": "running" } }""",
        "service \"VSS\" must be a JSON object")]
    [InlineData("""{ "computerName": "H", "firewallRules": [ { "name": "A" }, 5 ] }""",
        "firewall rule #2 must be a JSON object")]
    [InlineData("""{ "computerName": "H", "firewallRules": [ { "name": "A" }, { "name": "" } ] }""",
        "\"name\" of firewall rule #2 is empty")]
    [InlineData("""{ "computerName": "H", "firewallRules": [ { "name": 5 } ] }""",
        "\"name\" of firewall rule #1 must be a string; found the number 5")]
    [InlineData("""{ "computerName": "H", "firewallRules": [ { "name": "A", "enabled": "yes" } ] }""",
        "\"enabled\" of firewall rule \"A\" must be true or false")]
    public void AnErrorInASnapshotObjectNamesTheObjectItIsIn(string snapshot, string subject)
    {
        // Snapshot objects make their subject only when a message needs it; the message must still name it exactly.
        using var folder = new TempFolder();
        var path = folder.Write("s.json", snapshot);

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Contains(subject, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnapshotThatWasNotChangedIsNotRewritten()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", """{"computerName":"H","registry":{}}""");
        var host = SnapshotHost.Load(path);

        host.Save();

        Assert.Equal("""{"computerName":"H","registry":{}}""", File.ReadAllText(path));
    }
}
