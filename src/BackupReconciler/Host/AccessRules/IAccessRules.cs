using BackupReconciler.Host.Files;

namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// The access rules (DACL entries) of files and folders. A port of its own rather than part of
/// <see cref="IFileSystem"/>: on Windows it is a different API with its own failures (security
/// descriptors, not file content), and a snapshot keeps rules in its <c>fileAccess</c> section for
/// paths it cannot hold as files, such as <c>C:\System Volume Information</c>. Like the antivirus
/// port it only reads and adds: nothing here can remove or replace a rule someone else set.
/// </summary>
public interface IAccessRules
{
    /// <summary>The rules that apply to a file or folder, inherited ones included; null when the path does not exist.</summary>
    FileAccessList? Read(string windowsPath);

    /// <summary>
    /// Adds an allow or deny rule. As Windows does, a rule for the same identity, type and inheritance
    /// merges into the existing one (its rights become the larger of the two); every other rule stays.
    /// </summary>
    void Add(string windowsPath, FileAccessRule rule);
}
