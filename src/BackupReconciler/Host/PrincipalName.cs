namespace BackupReconciler.Host;

/// <summary>
/// Names of accounts and groups as user rights assignments list them. Besides <see cref="AccountName"/>'s
/// rules, Windows resolves an unqualified group name in the BUILTIN domain (<c>Administrators</c> is
/// <c>BUILTIN\Administrators</c>) and shows domainless well-known groups with an empty domain
/// (<c>\Everyone</c> is <c>Everyone</c>).
/// </summary>
public static class PrincipalName
{
    private const string Builtin = @"BUILTIN\";

    /// <summary>The form used for comparison only; reports and grants keep the declared spelling.</summary>
    public static string Normalize(string name, string computerName)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith('\\') && !trimmed.StartsWith(@"\\", StringComparison.Ordinal))
        {
            trimmed = trimmed[1..];
        }

        var normalized = AccountName.Normalize(trimmed, computerName);
        return normalized.StartsWith(Builtin, StringComparison.OrdinalIgnoreCase) ? normalized[Builtin.Length..] : normalized;
    }

    public static bool AreSame(string a, string b, string computerName) =>
        string.Equals(Normalize(a, computerName), Normalize(b, computerName), StringComparison.OrdinalIgnoreCase);
}
