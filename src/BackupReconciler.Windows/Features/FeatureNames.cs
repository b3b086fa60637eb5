namespace BackupReconciler.Windows.Features;

/// <summary>
/// Baselines name features as Server Manager's Get-WindowsFeature shows them (Windows-Server-Backup);
/// Windows' own servicing stack (Win32_OptionalFeature, DISM) names the same features differently
/// (WindowsServerBackup). This table holds the translations for features that backup servers need; a
/// name not in it is looked up as written, so a baseline may also give the servicing name directly.
/// </summary>
internal static class FeatureNames
{
    private static readonly Dictionary<string, string> ServicingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Windows-Server-Backup"] = "WindowsServerBackup",
        ["NET-Framework-Core"] = "NetFx3",
        ["NET-Framework-45-Core"] = "NetFx4",
        ["Failover-Clustering"] = "FailoverCluster-FullServer",
        ["Multipath-IO"] = "MultipathIo",
        ["Hyper-V"] = "Microsoft-Hyper-V",
    };

    /// <summary>The names to look for, in order: the servicing name the table gives, then the name as written.</summary>
    public static IReadOnlyList<string> Candidates(string name) =>
        ServicingNames.TryGetValue(name, out var servicing) ? [servicing, name] : [name];
}
