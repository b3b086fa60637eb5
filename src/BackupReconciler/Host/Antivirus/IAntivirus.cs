namespace BackupReconciler.Host.Antivirus;

/// <summary>
/// The antivirus exclusions port (MSFT_MpPreference on the live host). There is deliberately no
/// way to replace a list: Defender's Set overwrites exclusions that other teams and products own,
/// so this port only adds.
/// </summary>
public interface IAntivirus
{
    /// <summary>All exclusion lists in one read.</summary>
    AntivirusExclusions Read();

    /// <summary>Adds the given entries to the lists; every existing entry stays.</summary>
    void Add(AntivirusExclusions additions);
}
