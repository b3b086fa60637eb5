namespace BackupReconciler.Host;

/// <summary>
/// Account names as Windows means them: <c>LocalSystem</c> is <c>NT AUTHORITY\SYSTEM</c>,
/// <c>.\name</c> is <c>COMPUTER\name</c>, and case does not matter.
/// </summary>
public static class AccountName
{
    private const string System = @"NT AUTHORITY\SYSTEM";
    private const string LocalService = @"NT AUTHORITY\LOCAL SERVICE";
    private const string NetworkService = @"NT AUTHORITY\NETWORK SERVICE";

    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LocalSystem"] = System,
        ["SYSTEM"] = System,
        [@".\LocalSystem"] = System,
        [System] = System,
        ["LocalService"] = LocalService,
        [@"NT AUTHORITY\LocalService"] = LocalService,
        [LocalService] = LocalService,
        // Windows resolves an unqualified well-known name (what LookupAccountSid gives without its domain).
        ["LOCAL SERVICE"] = LocalService,
        ["NetworkService"] = NetworkService,
        [@"NT AUTHORITY\NetworkService"] = NetworkService,
        [NetworkService] = NetworkService,
        ["NETWORK SERVICE"] = NetworkService,
    };

    /// <summary>The canonical spelling used for comparison and reports.</summary>
    public static string Normalize(string account, string computerName)
    {
        var trimmed = account.Trim();
        if (WellKnown.TryGetValue(trimmed, out var canonical))
        {
            return canonical;
        }

        var qualified = trimmed.StartsWith(@".\", StringComparison.Ordinal) ? computerName + trimmed[1..] : trimmed;

        // The SCM's documentation names LocalSystem also as ComputerName\LocalSystem.
        return qualified.Equals(computerName + @"\LocalSystem", StringComparison.OrdinalIgnoreCase) ? System : qualified;
    }

    public static bool AreSame(string a, string b, string computerName) =>
        string.Equals(Normalize(a, computerName), Normalize(b, computerName), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Built-in accounts, virtual accounts (<c>NT SERVICE\…</c>) and group managed service accounts (<c>…$</c>)
    /// have no password a person must type; any other account does, so the tool never sets it.
    /// </summary>
    public static bool NeedsNoPassword(string account, string computerName)
    {
        var normalized = Normalize(account, computerName);
        return normalized is System or LocalService or NetworkService
            || normalized.StartsWith(@"NT SERVICE\", StringComparison.OrdinalIgnoreCase)
            || normalized.EndsWith('$');
    }
}
