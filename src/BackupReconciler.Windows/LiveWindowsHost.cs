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
public sealed class LiveWindowsHost : PortedHost, IDisposable
{
    private readonly WmiSession _wmi;

    public LiveWindowsHost(TimeSpan? timeout = null)
        : this(timeout ?? HostCall.DefaultTimeout, Environment.MachineName)
    {
    }

    private LiveWindowsHost(TimeSpan timeout, string computerName)
        : this(timeout, computerName, new WmiSession(timeout), new WindowsScheduledTasks(timeout))
    {
    }

    private LiveWindowsHost(TimeSpan timeout, string computerName, WmiSession wmi, WindowsScheduledTasks scheduledTasks)
        : base(computerName, ReadFacts(computerName), Adapters(timeout, wmi, scheduledTasks))
    {
        Timeout = timeout;
        _wmi = wmi;
        TaskRegistration = scheduledTasks;
    }

    /// <summary>The longest any one host call may take (feature installs have their own, longer, limit).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The task <c>schedule install</c> registers, through Task Scheduler's COM API.</summary>
    public IScheduledTaskRegistration TaskRegistration { get; }

    private static HostPorts Adapters(TimeSpan timeout, WmiSession wmi, WindowsScheduledTasks scheduledTasks)
    {
        var registry = new WindowsRegistry(timeout);
        var services = new WindowsServiceControl(timeout);
        var sql = new WindowsSqlServer(registry, timeout);
        return new HostPorts()
            .With<IRegistry>(registry)
            .With<IServiceControl>(services)
            .With<IVolumes>(new WindowsVolumes(wmi))
            .With<IShadowStorage>(new WindowsShadowStorage(wmi))
            .With<IAntivirus>(new WindowsAntivirus(wmi))
            .With<ISqlServer>(sql)
            .With<IFileSystem>(new WindowsFileSystem(timeout))
            .With<IScheduledTasks>(scheduledTasks)
            .With<IFeatures>(new WindowsFeatures(wmi))
            .With<IUserRights>(new WindowsUserRights(timeout))
            .With<IEventLog>(new WindowsEventLog(timeout))
            .With<IFirewall>(new WindowsFirewall(new FirewallRuleStore(registry), new FwPolicy2Writer(timeout), IndirectStrings.Resolve))
            .With<IAccessRules>(new WindowsAccessRules(timeout))
            .With<IBackupActivity>(new WindowsBackupActivity(registry, services, sql, timeout));
    }

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
