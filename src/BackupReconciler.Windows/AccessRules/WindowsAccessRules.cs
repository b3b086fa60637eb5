using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using BackupReconciler.Windows.Files;
using BackupReconciler.Host;
using BackupReconciler.Host.AccessRules;

namespace BackupReconciler.Windows.AccessRules;

/// <summary>
/// The access rules port on the live machine: the DACL through FileSystemAclExtensions. Rules are read by
/// SID and named as Windows names the account, so one account has one spelling; levels follow
/// <see cref="FileRightsMapping"/>. Adding merges by SID, as Windows does (a rule for the same account,
/// type and inheritance grows), and an account that already has at least the rule is left alone.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAccessRules : IAccessRules
{
    private readonly TimeSpan _timeout;

    public WindowsAccessRules(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
    }

    public FileAccessList? Read(string windowsPath) =>
        Call($"reading the access rules of {windowsPath}", windowsPath, () =>
        {
            if (Security(windowsPath) is not { } found)
            {
                return null;
            }

            var rules = new List<FileAccessRule>();
            foreach (FileSystemAccessRule rule in found.Security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)))
            {
                if (ToPortRule(rule, WindowsIdentities.NameOf((SecurityIdentifier)rule.IdentityReference)) is { } mapped)
                {
                    rules.Add(mapped);
                }
            }

            return new FileAccessList(found.IsFolder, rules);
        });

    public void Add(string windowsPath, FileAccessRule rule) =>
        Call($"adding an access rule to {windowsPath}", windowsPath, () =>
        {
            var found = Security(windowsPath) ?? throw new HostOperationException($"{windowsPath}: {Win32Failure.FromCode(2).Message}");
            var sid = WindowsIdentities.Resolve(rule.Identity);
            var inherit = rule.Inherit && found.IsFolder;
            var existing = found.Security.GetAccessRules(includeExplicit: true, includeInherited: false, typeof(SecurityIdentifier))
                .Cast<FileSystemAccessRule>()
                .Where(r => r.IdentityReference == sid && ToType(r.AccessControlType) == rule.Type)
                .Select(r => ToPortRule(r, rule.Identity))
                .OfType<FileAccessRule>();
            if (existing.Any(r => r.Inherit == inherit && r.Rights >= rule.Rights))
            {
                return true;
            }

            found.Security.AddAccessRule(new FileSystemAccessRule(
                sid,
                (FileSystemRights)FileRightsMapping.ToMask(rule.Rights),
                (InheritanceFlags)FileRightsMapping.ToInheritance(inherit),
                PropagationFlags.None,
                rule.Type == AccessRuleType.Allow ? AccessControlType.Allow : AccessControlType.Deny));
            if (found.IsFolder)
            {
                new DirectoryInfo(found.Path).SetAccessControl((DirectorySecurity)found.Security);
            }
            else
            {
                new FileInfo(found.Path).SetAccessControl((FileSecurity)found.Security);
            }

            return true;
        });

    /// <summary>
    /// A Windows rule as the port sees it; null for a rule that does not apply to the path itself
    /// (inherit-only) or grants less than Read. A deny rule that denies less than Read still denies, so it
    /// shows as denying Read rather than vanishing.
    /// </summary>
    internal static FileAccessRule? ToPortRule(FileSystemAccessRule rule, string identity)
    {
        var propagation = (int)rule.PropagationFlags;
        if (!FileRightsMapping.AppliesToItself(propagation))
        {
            return null;
        }

        var type = ToType(rule.AccessControlType);
        var level = FileRightsMapping.ToLevel((int)rule.FileSystemRights) ?? (type == AccessRuleType.Deny ? FileRights.Read : (FileRights?)null);
        return level is { } rights
            ? new FileAccessRule(identity, rights, type, FileRightsMapping.IsInherited((int)rule.InheritanceFlags, propagation))
            : null;
    }

    private static AccessRuleType ToType(AccessControlType type) =>
        type == AccessControlType.Deny ? AccessRuleType.Deny : AccessRuleType.Allow;

    private static (string Path, bool IsFolder, FileSystemSecurity Security)? Security(string windowsPath)
    {
        var path = windowsPath.Replace('/', '\\').TrimEnd('\\');
        path = path.Length == 2 && path[1] == ':' ? path + "\\" : path;
        if (Directory.Exists(path))
        {
            return (path, true, new DirectoryInfo(path).GetAccessControl(AccessControlSections.Access));
        }

        return File.Exists(path) ? (path, false, new FileInfo(path).GetAccessControl(AccessControlSections.Access)) : null;
    }

    private T Call<T>(string what, string windowsPath, Func<T> call) =>
        HostCall.Run(what, _timeout, () =>
        {
            try
            {
                return call();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PrivilegeNotHeldException)
            {
                throw Files.FileErrors.From(windowsPath, e);
            }
        });
}
