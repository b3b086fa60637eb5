namespace BackupReconciler.Host.AccessRules;

/// <summary>The access rules of one path, and whether it is a folder (only a folder's rules can be inherited).</summary>
public sealed record FileAccessList(bool IsFolder, IReadOnlyList<FileAccessRule> Rules);
