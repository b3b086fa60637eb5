namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// Identities in access rules as Windows resolves them: besides <see cref="AccountName"/>'s rules,
/// a built-in group is the same with or without its <c>BUILTIN\</c> domain (Get-Acl shows
/// <c>BUILTIN\Administrators</c>, people write <c>Administrators</c>), and a domainless
/// well-known name may carry an empty domain (<c>\Everyone</c>). Virtual accounts keep their
/// <c>NT SERVICE\</c> domain: without it the name is a different account.
/// </summary>
public static class AccessIdentity
{
    private const string Builtin = @"BUILTIN\";

    /// <summary>The form used for comparison only; reports show identities as written.</summary>
    public static string Normalize(string identity, string computerName)
    {
        var trimmed = identity.Trim();
        if (trimmed.StartsWith(Builtin, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[Builtin.Length..];
        }
        else if (trimmed.StartsWith('\\'))
        {
            trimmed = trimmed[1..];
        }

        return AccountName.Normalize(trimmed, computerName);
    }

    public static bool AreSame(string a, string b, string computerName) =>
        string.Equals(Normalize(a, computerName), Normalize(b, computerName), StringComparison.OrdinalIgnoreCase);
}
