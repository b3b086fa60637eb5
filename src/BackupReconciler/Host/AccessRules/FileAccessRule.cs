namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// One access rule: an identity is allowed or denied some rights; <see cref="Inherit"/> means the
/// rule also applies to the folder's subfolders and files (container and object inherit).
/// </summary>
public sealed record FileAccessRule(string Identity, FileRights Rights, AccessRuleType Type, bool Inherit);
