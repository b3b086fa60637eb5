namespace BackupReconciler.Resources.Antivirus;

/// <summary>
/// One declared list against the host: the declared entries (facts expanded, duplicates dropped),
/// the host's entries that match them (in the host's spelling), and the declared ones it lacks.
/// </summary>
public sealed record ExclusionListState(ExclusionKind Kind, IReadOnlyList<string> Desired, IReadOnlyList<string> Present, IReadOnlyList<string> Missing);
