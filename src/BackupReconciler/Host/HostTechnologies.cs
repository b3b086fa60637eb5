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
using BackupReconciler.Snapshot;

namespace BackupReconciler.Host;

/// <summary>
/// The one place a technology is registered: the snapshot host makes its sections from this list, the
/// recording host wraps every port it names, and the snapshot's fault targets are the kinds it declares.
/// A port of <see cref="IHost"/> missing here fails every host's construction and HostTechnologiesTests.
/// </summary>
public static class HostTechnologies
{
    /// <summary>In the order a snapshot file (and a capture) lists their sections.</summary>
    public static IReadOnlyList<HostTechnology> All { get; } =
    [
        new HostTechnology<IRegistry, SnapshotRegistry>(h => h.Registry, p => new SnapshotRegistry(p.Faults), (inner, into) => new RecordingRegistry(inner, into), SnapshotRegistry.Faults),
        new HostTechnology<IServiceControl, SnapshotServices>(h => h.Services, p => new SnapshotServices(p.Faults), (inner, into) => new RecordingServices(inner, into), SnapshotServices.Faults),
        new HostTechnology<IFirewall, SnapshotFirewall>(h => h.Firewall, p => new SnapshotFirewall(p.Faults), (inner, into) => new RecordingFirewall(inner, into), SnapshotFirewall.Faults),
        new HostTechnology<IVolumes, SnapshotVolumes>(h => h.Volumes, p => new SnapshotVolumes(p.Faults), (inner, into) => new RecordingVolumes(inner, into), SnapshotVolumes.Faults),
        new HostTechnology<IShadowStorage, SnapshotShadowStorage>(h => h.ShadowStorage, p => new SnapshotShadowStorage(p.Made<IVolumes, SnapshotVolumes>(), p.Faults), (inner, into) => new RecordingShadowStorage(inner, into), SnapshotShadowStorage.Faults),
        new HostTechnology<IAntivirus, SnapshotAntivirus>(h => h.Antivirus, p => new SnapshotAntivirus(p.Faults), (inner, into) => new RecordingAntivirus(inner, into), SnapshotAntivirus.Faults),
        new HostTechnology<ISqlServer, SnapshotSqlInstances>(h => h.Sql, p => new SnapshotSqlInstances(p.Faults), (inner, into) => new RecordingSqlServer(inner, into), SnapshotSqlInstances.Faults),
        new HostTechnology<IFileSystem, SnapshotFileSystem>(h => h.Files, p => p.Files, (inner, _) => new RecordingFileSystem(inner), SnapshotFileSystem.Faults),
        new HostTechnology<IScheduledTasks, SnapshotScheduledTasks>(h => h.ScheduledTasks, p => new SnapshotScheduledTasks(p.Faults), (inner, into) => new RecordingScheduledTasks(inner, into), SnapshotScheduledTasks.Faults),
        new HostTechnology<IFeatures, SnapshotFeatures>(h => h.Features, p => new SnapshotFeatures(p.Faults), (inner, into) => new RecordingFeatures(inner, into), SnapshotFeatures.Faults),
        new HostTechnology<IAccessRules, SnapshotAccessRules>(h => h.AccessRules, p => new SnapshotAccessRules(p.Files, p.Faults, p.ComputerName), (inner, into) => new RecordingAccessRules(inner, into), SnapshotFileSystem.Faults),
        new HostTechnology<IUserRights, SnapshotUserRights>(h => h.UserRights, p => new SnapshotUserRights(p.Faults), (inner, into) => new RecordingUserRights(inner, into), SnapshotUserRights.Faults),
        new HostTechnology<IEventLog, SnapshotEventLog>(h => h.EventLog, p => new SnapshotEventLog(p.Faults, p.CapturedAt, p.Clock), (inner, into) => new RecordingEventLog(inner, into), SnapshotEventLog.Faults),
        new HostTechnology<IBackupActivity, SnapshotBackupActivity>(h => h.BackupActivity, p => new SnapshotBackupActivity(p.Faults, p.Clock), (inner, into) => new RecordingBackupActivity(inner, into), SnapshotBackupActivity.Faults),
    ];

    /// <summary>The fault target kinds the technologies declare (the file tree and its access rules share <c>file</c>), as the help lists them.</summary>
    public static IReadOnlyList<FaultKind> FaultKinds { get; } = All.Select(t => t.Faults).Distinct().OrderBy(k => k.Listed).ToList();
}
