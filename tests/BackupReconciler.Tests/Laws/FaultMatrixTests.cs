using System.Text;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Laws;

/// <summary>
/// Every resource type × {read, set}: one baseline holds a drifted resource of every type (ids are the
/// type names), plus "dependent" (depends on the faulty one) and "dependent-of-dependent". A fault on
/// one resource's target fails that resource alone, with the injected message; its dependents are
/// skipped; every other resource still applies; the journal of the run is complete; and the faulty
/// resource was not half-changed.
/// </summary>
public sealed class FaultMatrixTests : IDisposable
{
    private const string Message = "Injected: the RPC server is unavailable. (0x800706BA)";

    private static readonly Fixture[] Fixtures =
    [
        new("registry", """{ "key": "HKLM\\SOFTWARE\\Fixture\\Registry", "values": { "V": { "kind": "dword", "data": 2 } } }""",
            h => h.RegistryKey(@"HKLM\SOFTWARE\Fixture\Registry")["V"] = Value("dword", 1),
            @"registry:HKLM\SOFTWARE\Fixture\Registry", @"registry:HKEY_LOCAL_MACHINE\software\fixture\registry\"),
        new("service", """{ "name": "FixtureSvc", "startType": "automatic", "state": "running" }""",
            h => h.Section("services")["FixtureSvc"] = new JObject { ["startType"] = "manual", ["state"] = "stopped" },
            "service:FixtureSvc", "service:fixturesvc"),
        new("shadowStorage", """{ "forVolume": "D:", "onVolume": "D:", "maxSize": "10%" }""",
            h => h.Volume("D:", 107374182400, 53687091200),
            "shadowStorage:D:", @"shadowStorage:d:\"),
        new("antivirusExclusion", """{ "paths": ["C:\\Fixture\\Scratch"] }""",
            h => h.Antivirus("exclusionPaths").Add(@"C:\Other"),
            "antivirus", "antivirus"),
        new("pathList", """{ "variable": "FixturePath", "contains": ["C:\\Fixture\\Modules"] }""",
            h => h.RegistryKey(@"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment")["FixturePath"] = Value("expandString", @"C:\Windows"),
            @"registry:HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment", @"registry:HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"),
        new("sqlLogin", """{ "instance": "FIXSQL", "login": "NT SERVICE\\Fixture", "serverRoles": ["sysadmin"] }""",
            h => h.Section("sqlInstances")["FIXSQL"] = new JObject { ["logins"] = new JObject() },
            "sql:FIXSQL", "sql:fixsql"),
        // Audit only by nature: freeSpace never changes anything, so a set fault has nothing to fail. The volume
        // list is one query on Windows, so its fault fails shadowStorage too, which reads the same list.
        new("freeSpace", """{ "path": "E:\\Scratch", "minimumFreePercent": 10 }""",
            h => h.Volume("E:", 107374182400, 1073741824),
            "volumes", null),
        new("sqlAgentAccount", """{ "instance": "FIXAGT", "setupKey": "HKLM\\SOFTWARE\\Fixture\\Setup" }""",
            h =>
            {
                h.Section("services")["SQLAgent$FIXAGT"] = new JObject { ["startType"] = "automatic", ["state"] = "running", ["account"] = "LocalSystem" };
                h.Section("services")["MSSQL$FIXAGT"] = new JObject { ["startType"] = "automatic", ["state"] = "running" };
                h.RegistryKey(@"HKLM\SOFTWARE\Fixture\Setup")["SqlAgentAccountName"] = Value("string", @"CONTOSO\previous");
            },
            @"registry:HKLM\SOFTWARE\Fixture\Setup", @"registry:HKLM\SOFTWARE\Fixture\Setup"),
        new("sqlAgentJobs", """{ "instance": "FIXJOB", "enabled": true }""",
            h =>
            {
                h.Section("sqlInstances")["FIXJOB"] = new JObject
                {
                    ["jobs"] = new JArray(new JObject { ["name"] = "job1", ["enabled"] = false, ["owner"] = "sa", ["stepCommand"] = "\"C:\\Fixture\\bin\\TriggerJob.exe\" a b c" }),
                };
                h.File(@"C:\Fixture\bin\TriggerJob.exe", "MZ");
            },
            "sql:FIXJOB", "sql:FIXJOB"),
        new("scheduledTask", """{ "path": "\\Fixture\\", "name": "Task", "enabled": true }""",
            h => h.Section("scheduledTasks")[@"\Fixture\Task"] = new JObject { ["enabled"] = false },
            @"task:\Fixture\Task", @"task:\fixture\task"),
        new("windowsFeature", """{ "name": "Fixture-Feature" }""",
            h => h.Section("features")["Fixture-Feature"] = new JObject { ["installed"] = false },
            "feature:Fixture-Feature", "feature:fixture-feature"),
        new("userRight", """{ "right": "SeBackupPrivilege", "identities": ["NT SERVICE\\Fixture"] }""",
            h => h.Section("userRights")["SeBackupPrivilege"] = new JArray("BUILTIN\\Administrators"),
            "userRight:SeBackupPrivilege", "userRight:sebackupprivilege"),
        // Audit only by nature: an event cannot be "fixed", so there is no set to fail.
        new("eventLogQuiet", """{ "source": "FixtureSource", "eventIds": [208], "within": "24h" }""",
            h => h.List("events").Add(new JObject { ["source"] = "FixtureSource", ["id"] = 208, ["time"] = "2026-11-22T09:00:00Z" }),
            "eventLog:Application", null),
        new("firewallRule", """{ "name": "Fixture Rule", "protocol": "tcp", "localPorts": ["135"] }""",
            h => h.List("firewallRules").Add(new JObject { ["name"] = "Other Rule" }),
            "firewall:Fixture Rule", "firewall:fixture rule"),
        new("jsonFile", """{ "path": "C:\\Fixture\\settings.json", "set": { "a": 1 } }""",
            h => h.File(@"C:\Fixture\settings.json", """{ "a": 0 }"""),
            @"file:C:\Fixture\settings.json", @"file:c:\fixture\SETTINGS.json"),
        new("hostsEntry", """{ "hostname": "dpm01.contoso.com", "address": "10.0.0.5", "path": "C:\\Fixture\\hosts" }""",
            h => h.File(@"C:\Fixture\hosts", "# hosts\r\n"),
            @"file:C:\Fixture\hosts", @"file:C:\Fixture\hosts"),
        // A set fault on the oldest file: it is deleted first, so the fault stops the clean-up before anything is gone.
        new("tempFiles", """{ "directory": "C:\\Fixture\\Temp", "maxCount": 1 }""",
            h =>
            {
                h.File(@"C:\Fixture\Temp\old0.tmp", Encoding.UTF8.GetBytes("x"), TimeSpan.FromDays(3));
                h.File(@"C:\Fixture\Temp\old1.tmp", Encoding.UTF8.GetBytes("x"), TimeSpan.FromDays(2));
            },
            @"file:C:\Fixture\Temp", @"file:C:\Fixture\Temp\old0.tmp"),
        new("fileAccess", """{ "path": "C:\\Fixture\\Access", "identity": "NT SERVICE\\Fixture", "rights": "read" }""",
            h => h.Folder(@"C:\Fixture\Access"),
            @"file:C:\Fixture\Access", @"file:C:\Fixture\Access\"),
        new("file", """{ "path": "C:\\Fixture\\Stale\\old.KEK", "ensure": "absent" }""",
            h => h.File(@"C:\Fixture\Stale\old.KEK", "key"),
            @"file:C:\Fixture\Stale", @"file:C:\Fixture\Stale\old.KEK"),
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Fixtures)
        {
            data.Add(fixture.Type, "read");
            if (fixture.SetTarget is not null)
            {
                data.Add(fixture.Type, "set");
            }
        }

        return data;
    }

    [Fact]
    public void TheMatrixCoversEveryResourceTypeForReadAndEveryTypeThatChangesAnythingForSet()
    {
        Assert.Equal(ResourceGenerators.Types.Order(StringComparer.Ordinal), Fixtures.Select(f => f.Type).Order(StringComparer.Ordinal));
        Assert.Equal(36, Matrix().Count);
    }

    [Fact]
    public void WithoutAFaultEveryFixtureIsDriftedAndApplyChangesAllOfThemButTheAuditOnes()
    {
        var files = Write(faults: []);

        var (exit, output, error) = files.Cli("apply", files.Baseline, "--snapshot", files.Snapshot, "--output", "json", "--detailed-exitcodes");

        Assert.True(exit == 2, error);
        var statuses = Statuses(JObject.Parse(output));
        Assert.All(Fixtures, f => Assert.Equal(IsAuditOnly(f) ? "manual" : "changed", statuses[f.Type]));
        Assert.Equal("changed", statuses["dependent"]);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void AFaultFailsOnlyItsResourceSkipsItsDependentsAppliesEverythingElseAndJournalsTheRun(string type, string operation)
    {
        var fixture = Fixtures.Single(f => f.Type == type);
        var target = operation == "read" ? fixture.ReadTarget : fixture.SetTarget!;
        var files = Write(faults: [new JObject { ["operation"] = operation, ["target"] = target, ["message"] = Message }], faulty: type);
        var expectedFailed = type == "freeSpace" ? new[] { "freeSpace", "shadowStorage" } : [type];

        var (exit, output, error) = files.Cli("apply", files.Baseline, "--snapshot", files.Snapshot, "--output", "json");

        Assert.True(exit == 4, $"exit {exit}: {error}");
        var report = JObject.Parse(output);
        var resources = report["resources"]!.ToDictionary(r => (string)r["id"]!, r => (JObject)r);
        foreach (var failed in expectedFailed)
        {
            Assert.Equal("failed", (string)resources[failed]["status"]!);
            Assert.Equal($"could not {(operation == "read" ? "read" : "apply")}: {Message}", (string)resources[failed]["error"]!);
        }

        Assert.Equal("skipped", (string)resources["dependent"]["status"]!);
        Assert.Equal($"skipped because \"{type}\" failed", (string)resources["dependent"]["error"]!);
        Assert.Equal("skipped", (string)resources["dependent-of-dependent"]["status"]!);
        Assert.Equal("skipped because \"dependent\" was skipped", (string)resources["dependent-of-dependent"]["error"]!);
        foreach (var other in Fixtures.Where(f => !expectedFailed.Contains(f.Type)))
        {
            Assert.Equal(IsAuditOnly(other) ? "manual" : "changed", (string)resources[other.Type]["status"]!);
        }

        AssertTheJournalIsComplete(files, report, operation == "set" ? type : null);
        AssertTheFaultyResourceWasNotHalfChanged(files, fixture, expectedFailed);
    }

    /// <summary>A start line first, an end line last, and for each resource that changed (or was being changed when the fault struck) its before line right followed by its after line.</summary>
    private static void AssertTheJournalIsComplete(LawFiles files, JObject report, string? failedWhileChanging)
    {
        var runId = (string)report["runId"]!;
        var lines = File.ReadAllLines(JournalFiles.Find(files.State, runId)!).Select(JObject.Parse).ToList();
        Assert.Equal("start", (string)lines[0]["event"]!);
        Assert.Equal(runId, (string)lines[0]["runId"]!);
        Assert.Equal("end", (string)lines[^1]["event"]!);
        Assert.Equal((int)report["summary"]!["changed"]!, (int)lines[^1]["summary"]!["changed"]!);

        var changed = report["resources"]!.Where(r => (string)r["status"]! == "changed").Select(r => (string)r["id"]!).ToList();
        var expected = failedWhileChanging is null ? changed : [.. changed, failedWhileChanging];
        var befores = lines.Select((line, index) => (line, index)).Where(x => (string)x.line["event"]! == "before").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), befores.Select(b => (string)b.line["resource"]!).Order(StringComparer.Ordinal));
        foreach (var (before, index) in befores)
        {
            var after = lines[index + 1];
            var resource = (string)before["resource"]!;
            Assert.Equal("after", (string)after["event"]!);
            Assert.Equal(resource, (string)after["resource"]!);
            Assert.Equal(resource == failedWhileChanging ? "failed" : "changed", (string)after["outcome"]!);
            Assert.NotEmpty((JArray)before["changes"]!);
        }
    }

    /// <summary>With the fault gone, a plan finds the failed resources and their dependents drifted as before, and everything else in the desired state.</summary>
    private static void AssertTheFaultyResourceWasNotHalfChanged(LawFiles files, Fixture fixture, string[] failed)
    {
        var snapshot = JObject.Parse(File.ReadAllText(files.Snapshot));
        snapshot.Remove("faults");
        File.WriteAllText(files.Snapshot, snapshot.ToString());

        var plan = files.Plan();

        foreach (var result in plan.Resources)
        {
            var audit = Fixtures.FirstOrDefault(f => f.Type == result.Id) is { } f && IsAuditOnly(f);
            var wasBlocked = failed.Contains(result.Id) || result.Id.StartsWith("dependent", StringComparison.Ordinal);
            var expected = audit ? ResourceStatus.Manual : wasBlocked ? ResourceStatus.Drifted : ResourceStatus.Compliant;
            Assert.True(expected == result.Status, $"after the run with a fault on {fixture.Type}, {result.Id} is {result.Status}, not {expected}");
        }
    }

    private LawFiles Write(JObject[] faults, string? faulty = null)
    {
        var host = new HostBuilder();
        host.Set("capturedAt", "2026-11-22T10:00:00Z");
        host.Volume("C:", 107374182400, 53687091200);
        foreach (var fixture in Fixtures)
        {
            fixture.Arrange(host);
        }

        host.Set("faults", new JArray(faults));
        host.Set("fileSystemRoot", HostBuilder.FilesFolder);
        host.WriteFiles(_folder.Combine(HostBuilder.FilesFolder));

        var resources = new JArray(Fixtures.Select(f => new JObject { ["id"] = f.Type, ["type"] = f.Type, ["properties"] = JObject.Parse(f.Properties) }))
        {
            Dependent("dependent", faulty ?? "registry", "Dependent"),
            Dependent("dependent-of-dependent", "dependent", "DependentOfDependent"),
        };
        return new LawFiles(
            _folder.Write("baseline.json", new JObject { ["name"] = "fault-matrix", ["resources"] = resources }.ToString()),
            _folder.Write("snapshot.json", host.Snapshot().ToString()),
            _folder.Combine(HostBuilder.FilesFolder),
            _folder.Combine("state"));
    }

    private static JObject Dependent(string id, string on, string key) => new()
    {
        ["id"] = id,
        ["type"] = "registry",
        ["dependsOn"] = new JArray(on),
        ["properties"] = new JObject { ["key"] = $@"HKLM\SOFTWARE\Fixture\{key}", ["values"] = new JObject { ["V"] = Value("dword", 1) } },
    };

    private static Dictionary<string, string> Statuses(JObject report) =>
        report["resources"]!.ToDictionary(r => (string)r["id"]!, r => (string)r["status"]!);

    private static bool IsAuditOnly(Fixture fixture) => fixture.SetTarget is null;

    private static JObject Value(string kind, JToken data) => new() { ["kind"] = kind, ["data"] = data };

    /// <summary>A drifted resource of one type, what it needs on the host, and the fault targets of its read and of its change (null: it never changes anything).</summary>
    private sealed record Fixture(string Type, string Properties, Action<HostBuilder> Arrange, string ReadTarget, string? SetTarget);
}
