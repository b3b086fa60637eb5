namespace BackupReconciler.Host.UserRights;

/// <summary>The local security policy's user rights assignment port: who holds a right, and granting it to one more account.</summary>
public interface IUserRights
{
    /// <summary>The accounts that hold <paramref name="right"/> (e.g. <c>SeChangeNotifyPrivilege</c>), as the policy lists them; empty when none do.</summary>
    IReadOnlyList<string> HoldersOf(string right);

    /// <summary>Adds <paramref name="account"/> to the holders of <paramref name="right"/>; the other holders stay.</summary>
    void Grant(string right, string account);
}
