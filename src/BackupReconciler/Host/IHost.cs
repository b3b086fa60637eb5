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
/// A machine the reconciler reads and changes: one narrow port per system technology.
/// Implemented by the live Windows host and by the snapshot host.
/// </summary>
public interface IHost
{
    string ComputerName { get; }

    /// <summary>Host facts usable as baseline variables (SystemDrive, SystemRoot, ProgramFiles, ComputerName).</summary>
    IReadOnlyDictionary<string, string> Facts { get; }

    IRegistry Registry { get; }

    IServiceControl Services { get; }

    IVolumes Volumes { get; }

    IShadowStorage ShadowStorage { get; }

    IAntivirus Antivirus { get; }
    ISqlServer Sql { get; }

    IFileSystem Files { get; }
    IScheduledTasks ScheduledTasks { get; }

    IFeatures Features { get; }

    IUserRights UserRights { get; }

    IEventLog EventLog { get; }
    IFirewall Firewall { get; }

    IAccessRules AccessRules { get; }

    IBackupActivity BackupActivity { get; }

    /// <summary>
    /// Makes the changes made so far durable; the engine calls it after each resource's change and before
    /// journaling it as done, so that a run killed at any point leaves a journal that claims nothing the host
    /// lacks. The live host changes Windows directly (nothing to do); the snapshot host writes its file back.
    /// A failure (the file changed underneath) is a <see cref="HostOperationException"/> for that resource.
    /// </summary>
    void Commit()
    {
    }
}
