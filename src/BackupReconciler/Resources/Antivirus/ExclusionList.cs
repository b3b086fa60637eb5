namespace BackupReconciler.Resources.Antivirus;

/// <summary>The entries a baseline declares for one exclusion list, as written there.</summary>
public sealed record ExclusionList(ExclusionKind Kind, IReadOnlyList<string> Entries);
