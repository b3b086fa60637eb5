using BackupReconciler.Resources.Antivirus;
using BackupReconciler.Resources.FileAccess;
using BackupReconciler.Resources.HostsEntry;
using BackupReconciler.Resources.JsonFile;
using BackupReconciler.Resources.PathList;
using BackupReconciler.Resources.Registry;
using BackupReconciler.Resources.Service;
using BackupReconciler.Resources.ShadowStorage;
using BackupReconciler.Resources.SqlAgentAccount;
using BackupReconciler.Resources.SqlAgentJobs;
using BackupReconciler.Resources.TempFiles;

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
        new SqlAgentAccountResourceType(),
        new SqlAgentJobsResourceType(),
        new JsonFileResourceType(),
        new HostsEntryResourceType(),
        new TempFilesResourceType(),
        new FileAccessResourceType(),
    ]);

    public IReadOnlyCollection<string> Names => _types.Keys;

    public bool TryGet(string name, out IResourceType type) => _types.TryGetValue(name, out type!);
}
