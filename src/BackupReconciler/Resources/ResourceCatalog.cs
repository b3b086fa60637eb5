using BackupReconciler.Resources.Antivirus;
using BackupReconciler.Resources.EventLogQuiet;
using BackupReconciler.Resources.File;
using BackupReconciler.Resources.FileAccess;
using BackupReconciler.Resources.Firewall;
using BackupReconciler.Resources.FreeSpace;
using BackupReconciler.Resources.HostsEntry;
using BackupReconciler.Resources.JsonFile;
using BackupReconciler.Resources.PathList;
using BackupReconciler.Resources.Registry;
using BackupReconciler.Resources.ScheduledTask;
using BackupReconciler.Resources.Service;
using BackupReconciler.Resources.ShadowStorage;
using BackupReconciler.Resources.SqlAgentAccount;
using BackupReconciler.Resources.SqlAgentJobs;
using BackupReconciler.Resources.SqlLogin;
using BackupReconciler.Resources.TempFiles;
using BackupReconciler.Resources.UserRight;
using BackupReconciler.Resources.WindowsFeature;

namespace BackupReconciler.Resources;

/// <summary>The resource types a baseline may use, by name.</summary>
public sealed class ResourceCatalog
{
    private readonly Dictionary<string, IResourceType> _types;

    public ResourceCatalog(IEnumerable<IResourceType> types)
    {
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Every type the product ships.</summary>
    public static ResourceCatalog Default { get; } = new([
        new RegistryResourceType(),
        new ServiceResourceType(),
        new ShadowStorageResourceType(),
        new AntivirusExclusionResourceType(),
        new PathListResourceType(),
        new SqlLoginResourceType(),
        new FreeSpaceResourceType(),
        new SqlAgentAccountResourceType(),
        new SqlAgentJobsResourceType(),
        new ScheduledTaskResourceType(),
        new WindowsFeatureResourceType(),
        new UserRightResourceType(),
        new EventLogQuietResourceType(),
        new FirewallRuleResourceType(),
        new JsonFileResourceType(),
        new HostsEntryResourceType(),
        new TempFilesResourceType(),
        new FileAccessResourceType(),
        new FileResourceType(),
    ]);

    public IReadOnlyCollection<string> Names => _types.Keys;

    public bool TryGet(string name, out IResourceType type) => _types.TryGetValue(name, out type!);
}
