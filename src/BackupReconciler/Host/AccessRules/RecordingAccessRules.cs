using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// Reads the access rules of a path and records them in the <c>fileAccess</c> section, which holds paths
/// without their files (and takes them to be folders, as the paths baselines name are).
/// </summary>
internal sealed class RecordingAccessRules(IAccessRules inner, SnapshotAccessRules captured) : IAccessRules
{
    public FileAccessList? Read(string windowsPath)
    {
        var list = inner.Read(windowsPath);
        if (list is not null)
        {
            captured.RecordRules(windowsPath, list);
        }

        return list;
    }

    public void Add(string windowsPath, FileAccessRule rule) => throw CaptureOnly.Refuse("add an access rule");
}
