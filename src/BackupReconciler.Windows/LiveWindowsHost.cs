using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.AccessRules;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Features;
using BackupReconciler.Host.Files;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Host.Services;
using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Sql;
using BackupReconciler.Host.UserRights;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.AccessRules;
using BackupReconciler.Windows.Antivirus;
using BackupReconciler.Windows.BackupActivity;
using BackupReconciler.Windows.EventLog;
using BackupReconciler.Windows.Features;
using BackupReconciler.Windows.Files;
using BackupReconciler.Windows.Firewall;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.ScheduledTasks;
using BackupReconciler.Windows.Services;
using BackupReconciler.Windows.ShadowStorage;
using BackupReconciler.Windows.Sql;
using BackupReconciler.Windows.UserRights;
using BackupReconciler.Windows.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows;

/// <summary>
/// The machine this process runs on, as the engine sees hosts: one adapter per port, each reading its
/// technology once per run and bounding every call by <see cref="Timeout"/>. Creating it touches nothing;
/// each adapter connects when first asked. Facts come from the process environment. The WMI adapters
/// share the run's one WMI session, which disposing the host closes.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class LiveWindowsHost : IHost, IDisposable
{
    private readonly WmiSession _wmi;

    public LiveWindowsHost(TimeSpan? timeout = null)
    {
        Timeout = timeout ?? HostCall.DefaultTimeout;
        ComputerName = Environment.MachineName;
        Facts = ReadFacts(ComputerName);
        var registry = new WindowsRegistry(Timeout);
        Registry = registry;
        Services = new WindowsServiceControl(Timeout);
        _wmi = new WmiSession(Timeout);
        Volumes = new WindowsVolumes(_wmi);
        ShadowStorage = new WindowsShadowStorage(_wmi);
        Antivirus = new WindowsAntivirus(_wmi);
        var sql = new WindowsSqlServer(registry, Timeout);
        Sql = sql;
        Files = new WindowsFileSystem(Timeout);
        var scheduledTasks = new WindowsScheduledTasks(Timeout);
        ScheduledTasks = scheduledTasks;
        TaskRegistration = scheduledTasks;
        Features = new WindowsFeatures(_wmi);
        UserRights = new WindowsUserRights(Timeout);
        EventLog = new WindowsEventLog(Timeout);
        Firewall = new WindowsFirewall(new FirewallRuleStore(registry), new FwPolicy2Writer(Timeout), IndirectStrings.Resolve);
        AccessRules = new WindowsAccessRules(Timeout);
        BackupActivity = new WindowsBackupActivity(registry, Services, sql, Timeout);
    }

    /// <summary>The longest any one host call may take (feature installs have their own, longer, limit).</summary>
    public TimeSpan Timeout { get; }

    public string ComputerName { get; }

    public IReadOnlyDictionary<string, string> Facts { get; }

    public IRegistry Registry { get; }

    public IServiceControl Services { get; }

    public IVolumes Volumes { get; }

    public IShadowStorage ShadowStorage { get; }

    public IAntivirus Antivirus { get; }

    public ISqlServer Sql { get; }

    public IFileSystem Files { get; }

    public IScheduledTasks ScheduledTasks { get; }

    /// <summary>The task <c>schedule install</c> registers, through Task Scheduler's COM API.</summary>
    public IScheduledTaskRegistration TaskRegistration { get; }

    public IFeatures Features { get; }

    public IUserRights UserRights { get; }

    public IEventLog EventLog { get; }

    public IFirewall Firewall { get; }

    public IAccessRules AccessRules { get; }

    public IBackupActivity BackupActivity { get; }

    public void Dispose() => _wmi.Dispose();

    /// <summary>
    /// The baseline variables a host provides (DESIGN §2). ProgramFiles is the native one, as a 64-bit
    /// process sees it: the folder the servers' 64-bit products install into.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ReadFacts(string computerName)
    {
        var systemRoot = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
        var systemDrive = Environment.GetEnvironmentVariable("SystemDrive") is { Length: 2 } drive ? drive : Path.GetPathRoot(systemRoot)!.TrimEnd('\\');
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SystemDrive"] = systemDrive,
            ["SystemRoot"] = systemRoot,
            ["ProgramFiles"] = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles),
            ["ProgramData"] = Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData),
            ["ComputerName"] = computerName,
        };
    }
}
