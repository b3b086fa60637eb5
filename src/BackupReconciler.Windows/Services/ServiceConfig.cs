namespace BackupReconciler.Windows.Services;

/// <summary>What QueryServiceConfig says of one service, in the form the adapter needs.</summary>
/// <param name="StartType">The raw start type (SERVICE_AUTO_START …).</param>
/// <param name="DelayedAutoStart">For an automatic service, whether it starts delayed.</param>
/// <param name="Account">The logon account as the Service Control Manager stores it ("LocalSystem", "NT AUTHORITY\LocalService").</param>
/// <param name="DependsOn">Services it depends on; load-order groups ("+Group") are left out, they are not services.</param>
internal sealed record ServiceConfig(uint StartType, bool DelayedAutoStart, string Account, IReadOnlyList<string> DependsOn);
