using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.UserRights;
using BackupReconciler.Windows.Files;

namespace BackupReconciler.Windows.UserRights;

/// <summary>
/// The user rights port on the live machine: the local security policy through LSA by P/Invoke
/// (LsaEnumerateAccountsWithUserRight, LsaAddAccountRights), never secedit. Holders are named as Windows
/// names their SIDs. A grant to an account that already holds the right (the same SID, however it is
/// spelled) changes nothing; the port never revokes.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsUserRights : IUserRights
{
    private readonly TimeSpan _timeout;

    public WindowsUserRights(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
    }

    public IReadOnlyList<string> HoldersOf(string right) =>
        HostCall.RunNamed($"reading the holders of {right}", _timeout, () =>
        {
            using var policy = LsaPolicy.Open(Lsa.PolicyLookupNames | Lsa.PolicyViewLocalInformation);
            return (IReadOnlyList<string>)policy.AccountsWith(right).Select(WindowsIdentities.NameOf).ToList();
        });

    public void Grant(string right, string account) =>
        HostCall.RunNamed($"granting {right} to {account}", _timeout, () =>
        {
            var sid = WindowsIdentities.Resolve(PrincipalName.Normalize(account, Environment.MachineName));
            using var policy = LsaPolicy.Open(Lsa.PolicyLookupNames | Lsa.PolicyViewLocalInformation | Lsa.PolicyCreateAccount);
            if (!policy.AccountsWith(right).Contains(sid))
            {
                policy.Grant(sid, right);
            }
        });
}
