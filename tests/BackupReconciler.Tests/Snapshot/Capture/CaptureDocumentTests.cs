using BackupReconciler.Host.AccessRules;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Features;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Host.Services;
using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Sql;
using BackupReconciler.Host.UserRights;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Snapshot.Capture;

/// <summary>
/// A capture records into an empty snapshot host's sections, which write the file: exactly what the
/// snapshot host reads, every section loaded back unchanged.
/// </summary>
public sealed class CaptureDocumentTests : IDisposable
{
    private static readonly DateTimeOffset CapturedAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public void EverySectionWrittenFromPortDataLoadsBackAsTheSameData()
    {
        var captured = SnapshotHost.ForCapture("DPM01", new Dictionary<string, string> { ["SystemDrive"] = "D:", ["SystemRoot"] = @"D:\Windows", ["ComputerName"] = "DPM01" }, CapturedAt);
        var agentKey = RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Agent");
        var agentValues = new Dictionary<string, RegistryValue>
        {
            ["ConnectionNoActivityTimeout"] = RegistryValue.DWord(600),
            ["Paths"] = RegistryValue.MultiString(["a", "b"]),
            ["Blob"] = RegistryValue.Binary([1, 255]),
            ["Home"] = RegistryValue.ExpandString(@"%ProgramFiles%\DPM"),
            ["Big"] = RegistryValue.QWord(ulong.MaxValue),
        };
        Section<SnapshotRegistry>(captured.Registry).RecordKey(agentKey, agentValues);
        Section<SnapshotRegistry>(captured.Registry).RecordKey(RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Empty"), new Dictionary<string, RegistryValue>());
        var agent = new ServiceInfo("SQLAgent$MSDPM2012", ServiceStartType.AutomaticDelayed, ServiceState.Running, @"NT AUTHORITY\SYSTEM", ["MSSQL$MSDPM2012"]);
        Section<SnapshotServices>(captured.Services).RecordService(agent);
        var rule = new FirewallRule("RPC for DPM", true, FirewallDirection.Inbound, FirewallAction.Allow, FirewallProtocol.Tcp,
            PortSet.Parse("135", "49152-65535"), PortSet.Any, AddressSet.Parse("10.0.0.0/24"), ProfileSet.Parse("domain"));
        var icmp = FirewallRule.WithDefaults("ICMP") with { Protocol = new FirewallProtocol(58) };
        Section<SnapshotFirewall>(captured.Firewall).RecordRules(rule.Name, [rule]);
        Section<SnapshotFirewall>(captured.Firewall).RecordRules(icmp.Name, [icmp, icmp with { Enabled = false }]);
        var volume = new VolumeInfo("C:", 536_870_912_000, 120_000_000_000);
        Section<SnapshotVolumes>(captured.Volumes).RecordVolume(volume);
        Section<SnapshotShadowStorage>(captured.ShadowStorage).RecordAssociation(new ShadowStorageAssociation("C:", "C:", null));
        Section<SnapshotShadowStorage>(captured.ShadowStorage).RecordAssociation(new ShadowStorageAssociation("D:", "C:", 10_737_418_240));
        var exclusions = new AntivirusExclusions([@"C:\Scratch"], ["cbengine.exe"], []);
        Section<SnapshotAntivirus>(captured.Antivirus).RecordExclusions(exclusions);
        IReadOnlyList<SqlAgentJob> jobs = [new SqlAgentJob("job-1", false, @"DPM01\MICROSOFT$DPM$Acct", "\"C:\\DPM\\TriggerJob.exe\" a"), new SqlAgentJob("job-2", true, "sa", "")];
        Section<SnapshotSqlInstances>(captured.Sql).RecordJobs("MSDPM2012", jobs);
        Section<SnapshotSqlInstances>(captured.Sql).RecordLogins("MSDPM2012", new Dictionary<string, SqlLogin> { ["sa"] = new("sa", ["sysadmin"]) });
        Section<SnapshotSqlInstances>(captured.Sql).RecordLogins("OTHER", new Dictionary<string, SqlLogin>());
        var task = new ScheduledTaskInfo(@"\Microsoft\OnlineBackup\Microsoft-OnlineBackup", false, "SYSTEM");
        Section<SnapshotScheduledTasks>(captured.ScheduledTasks).RecordTask(task);
        Section<SnapshotFeatures>(captured.Features).RecordFeature("Windows-Server-Backup", true);
        var access = new FileAccessList(true, [new FileAccessRule(@"NT AUTHORITY\SYSTEM", FileRights.FullControl, AccessRuleType.Allow, true)]);
        Section<SnapshotAccessRules>(captured.AccessRules).RecordRules(@"C:\System Volume Information", access);
        Section<SnapshotUserRights>(captured.UserRights).RecordHolders("SeChangeNotifyPrivilege", ["Everyone", @"BUILTIN\Administrators"]);
        Section<SnapshotUserRights>(captured.UserRights).RecordHolders("SeTcbPrivilege", []);
        var recent = new EventRecord("Application", "SQLAgent$MSDPM2012", 208, CapturedAt.AddHours(-2), "SQL Server Scheduled Job 'x' … failed");
        Section<SnapshotEventLog>(captured.EventLog).RecordEvent(recent);

        var host = LoadBack(captured);

        Assert.Equal(("DPM01", "D:", @"D:\Windows", "DPM01"), (host.ComputerName, host.Facts["SystemDrive"], host.Facts["SystemRoot"], host.Facts["ComputerName"]));
        var values = host.Registry.ReadKey(agentKey, RegistryView.Registry64)!;
        Assert.NotEmpty(agentValues);
        Assert.All(agentValues, v => Assert.Equal(v.Value, values[v.Key]));
        Assert.Empty(host.Registry.ReadKey(RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Empty"), RegistryView.Registry64)!);
        Assert.Equal(agent with { DependsOn = [.. agent.DependsOn] }, host.Services.Find(agent.Name), new ServiceComparer());
        Assert.Equal([rule], host.Firewall.FindByName(rule.Name));
        Assert.Equal([icmp, icmp with { Enabled = false }], host.Firewall.FindByName("icmp"));
        Assert.Equal([volume], host.Volumes.ReadAll());
        Assert.Equal([new ShadowStorageAssociation("C:", "C:", null)], host.ShadowStorage.ReadFor("C:"));
        Assert.Equal([new ShadowStorageAssociation("D:", "C:", 10_737_418_240)], host.ShadowStorage.ReadFor("D:"));
        var antivirus = host.Antivirus.Read();
        Assert.Equal(exclusions.Paths, antivirus.Paths);
        Assert.Equal(exclusions.Processes, antivirus.Processes);
        Assert.Empty(antivirus.Extensions);
        Assert.Equal(jobs, host.Sql.ReadAgentJobs("MSDPM2012"));
        Assert.Equal(["sysadmin"], host.Sql.ReadLogins("msdpm2012")!["SA"].ServerRoles);
        Assert.Empty(host.Sql.ReadLogins("OTHER")!);
        Assert.Null(host.Sql.ReadAgentJobs("NONE"));
        Assert.Equal(task, host.ScheduledTasks.Find(@"\microsoft\onlinebackup\microsoft-onlinebackup"));
        Assert.True(host.Features.IsInstalled("windows-server-backup"));
        var readAccess = host.AccessRules.Read(@"C:\System Volume Information")!;
        Assert.True(readAccess.IsFolder);
        Assert.Equal(access.Rules, readAccess.Rules);
        Assert.Equal(["Everyone", @"BUILTIN\Administrators"], host.UserRights.HoldersOf("SeChangeNotifyPrivilege"));
        Assert.Empty(host.UserRights.HoldersOf("SeTcbPrivilege"));
        Assert.Equal(CapturedAt, host.EventLog.Now);
        Assert.Equal([recent], host.EventLog.Query("Application", "SQLAgent$MSDPM2012", [208], CapturedAt.AddDays(-1)));
    }

    [Fact]
    public void AHostWithNothingReadIsAValidSnapshotOfFactsAndTime()
    {
        var host = LoadBack(SnapshotHost.ForCapture("EMPTY", new Dictionary<string, string>(), CapturedAt));

        Assert.Equal("EMPTY", host.ComputerName);
        Assert.Empty(host.Volumes.ReadAll());
        Assert.Equal(CapturedAt, host.EventLog.Now);
    }

    [Fact]
    public void TheSameStateIsWrittenAsTheSameFile()
    {
        string Write(params string[] order)
        {
            var captured = SnapshotHost.ForCapture("H", new Dictionary<string, string>(), CapturedAt);
            foreach (var name in order)
            {
                Section<SnapshotFeatures>(captured.Features).RecordFeature(name, true);
            }

            using var text = new StringWriter();
            captured.WriteCapture(text);
            return text.ToString();
        }

        Assert.Equal(Write("b", "a"), Write("a", "b"));
    }

    [Fact]
    public void APathReadWithAndWithoutItsTrailingBackslashIsCapturedOnceSoTheCaptureLoads()
    {
        var captured = SnapshotHost.ForCapture("H", new Dictionary<string, string>(), CapturedAt);
        var rules = Section<SnapshotAccessRules>(captured.AccessRules);
        var everyone = new FileAccessRule("Everyone", FileRights.Read, AccessRuleType.Allow, false);
        rules.RecordRules(@"C:\Backups", new FileAccessList(true, []));
        rules.RecordRules(@"C:\Backups\", new FileAccessList(true, [everyone]));

        var host = LoadBack(captured);

        Assert.Equal([everyone], host.AccessRules.Read(@"c:\backups")!.Rules);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The capture's own adapter for a port: the section a recording wrapper records into.</summary>
    private static T Section<T>(object port) => (T)port;

    private SnapshotHost LoadBack(SnapshotHost captured)
    {
        var path = _folder.Combine("captured.json");
        using (var writer = new StreamWriter(path))
        {
            captured.WriteCapture(writer);
        }

        return SnapshotHost.Load(path);
    }

    private sealed class ServiceComparer : IEqualityComparer<ServiceInfo?>
    {
        public bool Equals(ServiceInfo? x, ServiceInfo? y) =>
            x is not null && y is not null && (x.Name, x.StartType, x.State, x.Account) == (y.Name, y.StartType, y.State, y.Account) && x.DependsOn.SequenceEqual(y.DependsOn);

        public int GetHashCode(ServiceInfo? obj) => 0;
    }
}
