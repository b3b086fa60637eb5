namespace BackupReconciler.Host.ShadowStorage;

/// <summary>
/// A VSS shadow copy storage association: shadow copies of <see cref="ForVolume"/> are stored on
/// <see cref="OnVolume"/>, using at most <see cref="MaxSizeBytes"/> (null = unbounded).
/// </summary>
public sealed record ShadowStorageAssociation(string ForVolume, string OnVolume, long? MaxSizeBytes);
