namespace BackupReconciler.Windows.Services;

/// <summary>
/// The spellings ChangeServiceConfig documents for the built-in accounts, and the password each kind of
/// password-less account must be given.
/// </summary>
internal static class BuiltInAccounts
{
    public static (string StartName, string? Password) ForChangeServiceConfig(string normalizedAccount) =>
        normalizedAccount.ToUpperInvariant() switch
        {
            @"NT AUTHORITY\SYSTEM" => ("LocalSystem", ""),
            @"NT AUTHORITY\LOCAL SERVICE" => (@"NT AUTHORITY\LocalService", ""),
            @"NT AUTHORITY\NETWORK SERVICE" => (@"NT AUTHORITY\NetworkService", ""),
            _ => (normalizedAccount, null),
        };
}
