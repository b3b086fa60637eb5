namespace BackupReconciler.Host.Antivirus;

/// <summary>Microsoft Defender's exclusion lists, entries as Defender holds them.</summary>
public sealed record AntivirusExclusions(IReadOnlyList<string> Paths, IReadOnlyList<string> Processes, IReadOnlyList<string> Extensions)
{
    public static AntivirusExclusions None { get; } = new([], [], []);
}
