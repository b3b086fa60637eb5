namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// The standard permission levels of Explorer's security tab, ordered so that each includes the ones
/// before it: full control includes modify, which includes read and execute, which includes read.
/// </summary>
public enum FileRights
{
    Read = 1,
    ReadAndExecute = 2,
    Modify = 3,
    FullControl = 4,
}
