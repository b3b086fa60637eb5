using BackupReconciler.Input;

namespace BackupReconciler.Host.AccessRules;

/// <summary>The spellings of access rights and rule types, the same in baselines and snapshots.</summary>
public static class FileAccessNames
{
    public static readonly EnumNames<FileRights> Rights = new(
        ("read", FileRights.Read),
        ("readAndExecute", FileRights.ReadAndExecute),
        ("modify", FileRights.Modify),
        ("fullControl", FileRights.FullControl));

    public static readonly EnumNames<AccessRuleType> Types = new(("allow", AccessRuleType.Allow), ("deny", AccessRuleType.Deny));
}
