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

namespace BackupReconciler.Host;

/// <summary>
/// What the live, snapshot and recording hosts share: a name, facts, and one adapter per port, answered
/// from <see cref="HostPorts"/>; each host only says how it makes its adapters.
/// </summary>
public abstract class PortedHost : IHost
{
    private readonly HostPorts _ports;

    protected PortedHost(string computerName, IReadOnlyDictionary<string, string> facts, HostPorts ports)
    {
        ComputerName = computerName;
        Facts = facts;
        _ports = ports.Complete();
    }

    public string ComputerName { get; }

    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>This host's adapter for <paramref name="port"/> (a capture records into a snapshot host's).</summary>
    internal object Port(Type port) => _ports.Get(port);

    public IRegistry Registry => _ports.Get<IRegistry>();

    public IServiceControl Services => _ports.Get<IServiceControl>();

    public IVolumes Volumes => _ports.Get<IVolumes>();

    public IShadowStorage ShadowStorage => _ports.Get<IShadowStorage>();

    public IAntivirus Antivirus => _ports.Get<IAntivirus>();

    public ISqlServer Sql => _ports.Get<ISqlServer>();

    public IFileSystem Files => _ports.Get<IFileSystem>();

    public IScheduledTasks ScheduledTasks => _ports.Get<IScheduledTasks>();

    public IFeatures Features => _ports.Get<IFeatures>();

    public IUserRights UserRights => _ports.Get<IUserRights>();

    public IEventLog EventLog => _ports.Get<IEventLog>();

    public IFirewall Firewall => _ports.Get<IFirewall>();

    public IAccessRules AccessRules => _ports.Get<IAccessRules>();

    public IBackupActivity BackupActivity => _ports.Get<IBackupActivity>();

    /// <inheritdoc cref="IHost.Commit"/>
    public virtual void Commit()
    {
    }
}
