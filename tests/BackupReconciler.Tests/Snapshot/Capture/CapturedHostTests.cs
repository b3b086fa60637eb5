using BackupReconciler.Host.AccessRules;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Host.Services;
using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Sql;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Snapshot;
using BackupReconciler.Snapshot.Capture;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Snapshot.Capture;

/// <summary>The snapshot writer produces exactly what the snapshot host reads: every section, loaded back unchanged.</summary>
public sealed class CapturedHostTests : IDisposable
{
    private static readonly DateTimeOffset CapturedAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public void EverySectionWrittenFromPortDataLoadsBackAsTheSameData()
    {
        var captured = new CapturedHost("DPM01", new Dictionary<string, string> { ["SystemDrive"] = "D:", ["SystemRoot"] = @"D:\Windows", ["ComputerName"] = "DPM01" }, CapturedAt);
        var agentKey = RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Agent");
        captured.Registry[agentKey.FullName] = new Dictionary<string, RegistryValue>
        {
            ["ConnectionNoActivityTimeout"] = RegistryValue.DWord(600),
            ["Paths"] = RegistryValue.MultiString(["a", "b"]),
            ["Blob"] = RegistryValue.Binary([1, 255]),
            ["Home"] = RegistryValue.ExpandString(@"%ProgramFiles%\DPM"),
            ["Big"] = RegistryValue.QWord(ulong.MaxValue),
        };
        captured.Registry[@"HKLM\SOFTWARE\Empty"] = new Dictionary<string, RegistryValue>();
        var agent = new ServiceInfo("SQLAgent$MSDPM2012", ServiceStartType.AutomaticDelayed, ServiceState.Running, @"NT AUTHORITY\SYSTEM", ["MSSQL$MSDPM2012"]);
        captured.Services[agent.Name] = agent;
        var rule = new FirewallRule("RPC for DPM", true, FirewallDirection.Inbound, FirewallAction.Allow, FirewallProtocol.Tcp,
            PortSet.Parse("135", "49152-65535"), PortSet.Any, AddressSet.Parse("10.0.0.0/24"), ProfileSet.Parse("domain"));
        var icmp = FirewallRule.WithDefaults("ICMP") with { Protocol = new FirewallProtocol(58) };
        captured.FirewallRules[rule.Name] = [rule];
        captured.FirewallRules[icmp.Name] = [icmp, icmp with { Enabled = false }];
        captured.Volumes["C:"] = new VolumeInfo("C:", 536_870_912_000, 120_000_000_000);
        captured.ShadowStorage.Add(new ShadowStorageAssociation("C:", "C:", null));
        captured.ShadowStorage.Add(new ShadowStorageAssociation("D:", "C:", 10_737_418_240));
        captured.Antivirus = new AntivirusExclusions([@"C:\Scratch"], ["cbengine.exe"], []);
        captured.SqlJobs["MSDPM2012"] = [new SqlAgentJob("job-1", false, @"DPM01\MICROSOFT$DPM$Acct", "\"C:\\DPM\\TriggerJob.exe\" a"), new SqlAgentJob("job-2", true, "sa", "")];
        captured.SqlLogins["MSDPM2012"] = new Dictionary<string, SqlLogin> { ["sa"] = new("sa", ["sysadmin"]) };
        captured.SqlLogins["OTHER"] = new Dictionary<string, SqlLogin>();
        captured.ScheduledTasks[@"\Microsoft\OnlineBackup\Microsoft-OnlineBackup"] = new ScheduledTaskInfo(@"\Microsoft\OnlineBackup\Microsoft-OnlineBackup", false, "SYSTEM");
        captured.Features["Windows-Server-Backup"] = true;
        captured.FileAccess[@"C:\System Volume Information"] = new FileAccessList(true, [new FileAccessRule(@"NT AUTHORITY\SYSTEM", FileRights.FullControl, AccessRuleType.Allow, true)]);
        captured.UserRights["SeChangeNotifyPrivilege"] = ["Everyone", @"BUILTIN\Administrators"];
        captured.UserRights["SeTcbPrivilege"] = [];
        var recent = new EventRecord("Application", "SQLAgent$MSDPM2012", 208, CapturedAt.AddHours(-2), "SQL Server Scheduled Job 'x' … failed");
        captured.Events.Add(recent);

        var host = LoadBack(captured);

        Assert.Equal(("DPM01", "D:", @"D:\Windows", "DPM01"), (host.ComputerName, host.Facts["SystemDrive"], host.Facts["SystemRoot"], host.Facts["ComputerName"]));
        var values = host.Registry.ReadKey(agentKey, RegistryView.Registry64)!;
        Assert.NotEmpty(captured.Registry[agentKey.FullName]);
        Assert.All(captured.Registry[agentKey.FullName], v => Assert.Equal(v.Value, values[v.Key]));
        Assert.Empty(host.Registry.ReadKey(RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Empty"), RegistryView.Registry64)!);
        Assert.Equal(agent with { DependsOn = [.. agent.DependsOn] }, host.Services.Find(agent.Name), new ServiceComparer());
        Assert.Equal([rule], host.Firewall.FindByName(rule.Name));
        Assert.Equal([icmp, icmp with { Enabled = false }], host.Firewall.FindByName("icmp"));
        Assert.Equal(captured.Volumes.Values, host.Volumes.ReadAll());
        Assert.Equal([new ShadowStorageAssociation("C:", "C:", null)], host.ShadowStorage.ReadFor("C:"));
        Assert.Equal([new ShadowStorageAssociation("D:", "C:", 10_737_418_240)], host.ShadowStorage.ReadFor("D:"));
        var antivirus = host.Antivirus.Read();
        Assert.Equal(captured.Antivirus.Paths, antivirus.Paths);
        Assert.Equal(captured.Antivirus.Processes, antivirus.Processes);
        Assert.Empty(antivirus.Extensions);
        Assert.Equal(captured.SqlJobs["MSDPM2012"], host.Sql.ReadAgentJobs("MSDPM2012"));
        Assert.Equal(["sysadmin"], host.Sql.ReadLogins("msdpm2012")!["SA"].ServerRoles);
        Assert.Empty(host.Sql.ReadLogins("OTHER")!);
        Assert.Null(host.Sql.ReadAgentJobs("NONE"));
        Assert.Equal(captured.ScheduledTasks.Values.Single(), host.ScheduledTasks.Find(@"\microsoft\onlinebackup\microsoft-onlinebackup"));
        Assert.True(host.Features.IsInstalled("windows-server-backup"));
        var access = host.AccessRules.Read(@"C:\System Volume Information")!;
        Assert.True(access.IsFolder);
        Assert.Equal(captured.FileAccess.Values.Single().Rules, access.Rules);
        Assert.Equal(["Everyone", @"BUILTIN\Administrators"], host.UserRights.HoldersOf("SeChangeNotifyPrivilege"));
        Assert.Empty(host.UserRights.HoldersOf("SeTcbPrivilege"));
        Assert.Equal(CapturedAt, host.EventLog.Now);
        Assert.Equal([recent], host.EventLog.Query("Application", "SQLAgent$MSDPM2012", [208], CapturedAt.AddDays(-1)));
    }

    [Fact]
    public void AHostWithNothingReadIsAValidSnapshotOfFactsAndTime()
    {
        var host = LoadBack(new CapturedHost("EMPTY", new Dictionary<string, string>(), CapturedAt));

        Assert.Equal("EMPTY", host.ComputerName);
        Assert.Empty(host.Volumes.ReadAll());
        Assert.Equal(CapturedAt, host.EventLog.Now);
    }

    [Fact]
    public void TheSameStateIsWrittenAsTheSameFile()
    {
        string Write(params string[] order)
        {
            var captured = new CapturedHost("H", new Dictionary<string, string>(), CapturedAt);
            foreach (var name in order)
            {
                captured.Features[name] = true;
            }

            using var text = new StringWriter();
            captured.WriteTo(text);
            return text.ToString();
        }

        Assert.Equal(Write("b", "a"), Write("a", "b"));
    }

    public void Dispose() => _folder.Dispose();

    private SnapshotHost LoadBack(CapturedHost captured)
    {
        var path = _folder.Combine("captured.json");
        using (var writer = new StreamWriter(path))
        {
            captured.WriteTo(writer);
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
