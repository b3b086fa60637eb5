using System.Runtime.Versioning;
using System.Security.Principal;
using BackupReconciler.Host;
using BackupReconciler.Host.AccessRules;

namespace BackupReconciler.Windows.Files;

/// <summary>
/// Accounts by SID (NTAccount ↔ SecurityIdentifier): two spellings are the same account when both resolve
/// to one SID, whatever the names say (a renamed account, a localised group name); when either does not
/// resolve, the names compare as <see cref="AccessIdentity"/> compares them.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsIdentities
{
    /// <summary>The SID of an account name (<c>LocalSystem</c>, <c>.\x</c> and <c>S-1-…</c> included), or null when Windows does not know it.</summary>
    public static SecurityIdentifier? TryResolve(string account)
    {
        var name = AccessIdentity.Normalize(account, Environment.MachineName);
        try
        {
            return name.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase)
                ? new SecurityIdentifier(name)
                : (SecurityIdentifier)new NTAccount(name).Translate(typeof(SecurityIdentifier));
        }
        catch (Exception e) when (e is IdentityNotMappedException or ArgumentException or SystemException)
        {
            return null;
        }
    }

    /// <summary>The SID, or the failure Windows gives for a name it cannot map (1332).</summary>
    public static SecurityIdentifier Resolve(string account) =>
        TryResolve(account) ?? throw new HostOperationException($"{account}: {Win32Failure.FromCode(1332).Message}");

    /// <summary>The account's name as Windows spells it (DOMAIN\name), or the SID's text when it has no name any more.</summary>
    public static string NameOf(SecurityIdentifier sid)
    {
        try
        {
            return sid.Translate(typeof(NTAccount)).Value;
        }
        catch (Exception e) when (e is IdentityNotMappedException or SystemException)
        {
            return sid.Value;
        }
    }

    public static bool AreSame(string a, string b) =>
        TryResolve(a) is { } left && TryResolve(b) is { } right
            ? left == right
            : AccessIdentity.AreSame(a, b, Environment.MachineName);
}
