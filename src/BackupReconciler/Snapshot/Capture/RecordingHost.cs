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

namespace BackupReconciler.Snapshot.Capture;

/// <summary>
/// A host that passes every read to another host and records what it answered in <see cref="Captured"/>;
/// every change is refused. Running a baseline's reads through it (<c>get</c>) captures exactly the state
/// that baseline looks at, from any host: the live machine, or another snapshot.
/// </summary>
public sealed class RecordingHost : IHost
{
    public RecordingHost(IHost inner)
    {
        ComputerName = inner.ComputerName;
        Facts = inner.Facts;
        Captured = new CapturedHost(inner.ComputerName, inner.Facts, inner.EventLog.Now);
        Registry = new RecordingRegistry(inner.Registry, Captured);
        Services = new RecordingServices(inner.Services, Captured);
        Volumes = new RecordingVolumes(inner.Volumes, Captured);
        ShadowStorage = new RecordingShadowStorage(inner.ShadowStorage, Captured);
        Antivirus = new RecordingAntivirus(inner.Antivirus, Captured);
        Sql = new RecordingSqlServer(inner.Sql, Captured);
        Files = new RecordingFileSystem(inner.Files);
        ScheduledTasks = new RecordingScheduledTasks(inner.ScheduledTasks, Captured);
        Features = new RecordingFeatures(inner.Features, Captured);
        UserRights = new RecordingUserRights(inner.UserRights, Captured);
        EventLog = new RecordingEventLog(inner.EventLog, Captured);
        Firewall = new RecordingFirewall(inner.Firewall, Captured);
        AccessRules = new RecordingAccessRules(inner.AccessRules, Captured);
        BackupActivity = new RecordingBackupActivity(inner.BackupActivity, Captured);
    }

    public CapturedHost Captured { get; }

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

    public IFeatures Features { get; }

    public IUserRights UserRights { get; }

    public IEventLog EventLog { get; }

    public IFirewall Firewall { get; }

    public IAccessRules AccessRules { get; }

    public IBackupActivity BackupActivity { get; }

    /// <summary>
    /// Reads what every host has, whatever a baseline names: the volumes, the shadow storage of each,
    /// the antivirus exclusions and the backup work running. A part that cannot be read is left out and its failure returned.
    /// </summary>
    public IReadOnlyList<string> CaptureHostWide()
    {
        var problems = new List<string>();
        void Try(string what, Action read)
        {
            try
            {
                read();
            }
            catch (Exception e) when (Unreadable.Is(e))
            {
                problems.Add($"{what}: {Unreadable.Reason(e)}");
            }
        }

        IReadOnlyList<VolumeInfo> volumes = [];
        Try("volumes", () => volumes = Volumes.ReadAll());
        foreach (var volume in volumes)
        {
            Try($"shadow storage of {volume.Name}", () => ShadowStorage.ReadFor(volume.Name));
        }

        Try("antivirus exclusions", () => Antivirus.Read());
        Try("backup activity", () => BackupActivity.ReadRunning());
        return problems;
    }
}
