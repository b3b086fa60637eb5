using System.Reflection;
using BackupReconciler.Host;
using BackupReconciler.Host.Files;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Snapshot;
using BackupReconciler.Snapshot.Capture;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Host;

/// <summary>
/// A technology is registered once (<see cref="HostTechnologies"/>); these fail when a port of
/// <see cref="IHost"/> is missing from it, or when the snapshot host, the capture or the faults do not
/// follow it: each port has a snapshot adapter, a recorder, a section a capture writes, and a fault kind
/// its calls check.
/// </summary>
public sealed class HostTechnologiesTests : IDisposable
{
    private static readonly DateTimeOffset CapturedAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    /// <summary>For each port: one read of what <see cref="Everything"/> holds, and the fault target that read checks.</summary>
    private static readonly Dictionary<Type, (Action<IHost> Read, string FaultTarget)> Reads = new()
    {
        [typeof(IRegistry)] = (h => h.Registry.ReadKey(RegistryKeyPath.Parse(@"HKLM\SOFTWARE\X"), RegistryView.Registry64), @"registry:HKEY_LOCAL_MACHINE\SOFTWARE\X"),
        [typeof(BackupReconciler.Host.Services.IServiceControl)] = (h => h.Services.Find("VSS"), "service:VSS"),
        [typeof(IFirewall)] = (h => h.Firewall.FindByName("R"), "firewall:R"),
        [typeof(BackupReconciler.Host.Volumes.IVolumes)] = (h => h.Volumes.ReadAll(), "volumes"),
        [typeof(BackupReconciler.Host.ShadowStorage.IShadowStorage)] = (h => h.ShadowStorage.ReadFor("C:"), "shadowStorage:C:"),
        [typeof(BackupReconciler.Host.Antivirus.IAntivirus)] = (h => h.Antivirus.Read(), "antivirus"),
        [typeof(BackupReconciler.Host.Sql.ISqlServer)] = (h => h.Sql.ReadAgentJobs("MSSQLSERVER"), "sql:MSSQLSERVER"),
        [typeof(IFileSystem)] = (h => h.Files.FileExists(@"C:\D\f.txt"), @"file:C:\D\f.txt"),
        [typeof(BackupReconciler.Host.ScheduledTasks.IScheduledTasks)] = (h => h.ScheduledTasks.Find(@"\T"), @"task:\T"),
        [typeof(BackupReconciler.Host.Features.IFeatures)] = (h => h.Features.IsInstalled("F"), "feature:F"),
        [typeof(BackupReconciler.Host.AccessRules.IAccessRules)] = (h => h.AccessRules.Read(@"C:\D"), @"file:C:\D"),
        [typeof(BackupReconciler.Host.UserRights.IUserRights)] = (h => h.UserRights.HoldersOf("SeTcbPrivilege"), "userRight:SeTcbPrivilege"),
        [typeof(BackupReconciler.Host.EventLog.IEventLog)] = (h => h.EventLog.Query("Application", "S", [1], DateTimeOffset.MinValue), "eventLog:Application"),
        [typeof(BackupReconciler.Host.BackupActivity.IBackupActivity)] = (h => h.BackupActivity.ReadRunning(), "backupActivity"),
    };

    private readonly TempFolder _folder = new();

    /// <summary>The ports as IHost declares them, found here by reflection rather than taken from the code under test.</summary>
    private static IEnumerable<PropertyInfo> Ports => typeof(IHost).GetProperties()
        .Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace!.StartsWith("BackupReconciler.Host.", StringComparison.Ordinal));

    public static TheoryData<string> PortNames => [.. Ports.Select(p => p.Name)];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryPortOfTheHostIsRegisteredOnceAsATechnology()
    {
        Assert.Equal(14, Ports.Count());
        Assert.Equal(
            Ports.Select(p => p.PropertyType.Name).Order(),
            HostTechnologies.All.Select(t => t.Port.Name).Order());
    }

    [Fact]
    public void EverySectionTypeInTheProductIsMadeByTheSnapshotHost()
    {
        var host = SnapshotHost.ForCapture("H", new Dictionary<string, string>(), CapturedAt);
        var made = Ports.Select(p => p.GetValue(host)!.GetType()).ToHashSet();

        var sections = typeof(ISnapshotSection).Assembly.GetTypes()
            .Where(t => typeof(ISnapshotSection).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });

        Assert.All(sections, section => Assert.Contains(section, made));
    }

    [Theory]
    [MemberData(nameof(PortNames))]
    public void TheRecordingHostWrapsEveryPortInItsRecorder(string port)
    {
        var property = typeof(IHost).GetProperty(port)!;
        var inner = Load(Everything());

        var recorder = new RecordingHost(inner);

        var recording = property.GetValue(recorder)!;
        Assert.NotSame(property.GetValue(inner), recording);
        Assert.StartsWith("Recording", recording.GetType().Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PortNames))]
    public void ACaptureOfAReadWritesThatPortsSectionAsTheSnapshotHoldsIt(string port)
    {
        var property = typeof(IHost).GetProperty(port)!;
        Assert.True(Reads.TryGetValue(property.PropertyType, out var read), $"no read of {property.PropertyType.Name} in this test: add one, with the state it reads to Everything()");
        var source = Load(Everything());
        var recorder = new RecordingHost(source);

        read.Read(recorder);

        var document = recorder.Captured.CaptureDocument();
        var header = new[] { "snapshotVersion", "computerName", "capturedAt", "facts" };
        var written = document.Properties().Select(p => p.Name).Except(header).ToList();
        var own = property.GetValue(SnapshotHost.ForCapture("H", new Dictionary<string, string>(), CapturedAt));
        if (own is ISnapshotSection section)
        {
            Assert.Equal([section.Name], written);
            var back = Load(document.ToString());
            Assert.True(JToken.DeepEquals(source.Canonical()[section.Name], back.Canonical()[section.Name]), $"{section.Name}: {back.Canonical()[section.Name]}");
        }
        else
        {
            // The file tree is a real folder (fileSystemRoot), which a capture does not build.
            Assert.IsType<SnapshotFileSystem>(own);
            Assert.Empty(written);
        }
    }

    [Theory]
    [MemberData(nameof(PortNames))]
    public void AFaultOnTheTargetAReadChecksFailsThatRead(string port)
    {
        var property = typeof(IHost).GetProperty(port)!;
        var (read, target) = Reads[property.PropertyType];
        var faults = new JArray(new JObject { ["operation"] = "read", ["target"] = target, ["message"] = "Injected." });
        var host = Load(Everything(faults));

        var error = Assert.Throws<HostOperationException>(() => read(host));

        Assert.Equal("Injected.", error.Message);
    }

    [Fact]
    public void AFaultOnAKindNoTechnologyDeclaresIsRefusedListingEveryDeclaredKind()
    {
        var faults = new JArray(new JObject { ["operation"] = "read", ["target"] = "nothing:x" });

        var error = Assert.Throws<BackupReconciler.Input.InputException>(() => Load(Everything(faults)));

        Assert.All(HostTechnologies.FaultKinds, kind => Assert.Contains(kind.Form, error.Message, StringComparison.Ordinal));
    }

    /// <summary>A snapshot with something in every section, each written in its canonical form.</summary>
    private static string Everything(JArray? faults = null)
    {
        var document = new JObject
        {
            ["computerName"] = "H",
            ["capturedAt"] = "2026-11-22T09:30:00Z",
            ["fileSystemRoot"] = "root",
            ["registry"] = new JObject { [@"HKEY_LOCAL_MACHINE\SOFTWARE\X"] = new JObject { ["V"] = new JObject { ["kind"] = "dword", ["data"] = 1 } } },
            ["services"] = new JObject { ["VSS"] = new JObject { ["startType"] = "manual", ["state"] = "stopped", ["account"] = @"NT AUTHORITY\SYSTEM", ["dependsOn"] = new JArray() } },
            ["firewallRules"] = new JArray(FirewallRule.WithDefaults("R").ToJson()),
            ["volumes"] = new JObject { ["C:"] = new JObject { ["sizeBytes"] = 100, ["freeBytes"] = 50 } },
            ["shadowStorage"] = new JArray(new JObject { ["forVolume"] = "C:", ["onVolume"] = "C:", ["maxSizeBytes"] = 10 }),
            ["antivirus"] = new JObject { ["exclusionPaths"] = new JArray(@"C:\X"), ["exclusionProcesses"] = new JArray(), ["exclusionExtensions"] = new JArray() },
            ["sqlInstances"] = new JObject { ["MSSQLSERVER"] = new JObject { ["jobs"] = new JArray(new JObject { ["name"] = "j", ["enabled"] = true, ["owner"] = "sa" }) } },
            ["scheduledTasks"] = new JObject { [@"\T"] = new JObject { ["enabled"] = true, ["runAs"] = "SYSTEM" } },
            ["features"] = new JObject { ["F"] = new JObject { ["installed"] = true } },
            ["fileAccess"] = new JObject { [@"C:\D"] = new JArray(new JObject { ["identity"] = "Everyone", ["rights"] = "read", ["type"] = "allow", ["inherit"] = false }) },
            ["userRights"] = new JObject { ["SeTcbPrivilege"] = new JArray("Everyone") },
            ["events"] = new JArray(new JObject { ["log"] = "Application", ["source"] = "S", ["id"] = 1, ["time"] = "2026-11-22T08:00:00Z", ["message"] = "m" }),
            ["backupActivity"] = new JObject { ["utcOffset"] = "+01:00", ["running"] = new JArray() },
        };
        if (faults is not null)
        {
            document["faults"] = faults;
        }

        return document.ToString();
    }

    private SnapshotHost Load(string json)
    {
        Directory.CreateDirectory(_folder.Combine("root"));
        var path = _folder.Write($"{Guid.NewGuid():N}.json", json);
        return SnapshotHost.Load(path);
    }
}
