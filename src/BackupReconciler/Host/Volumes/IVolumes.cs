namespace BackupReconciler.Host.Volumes;

/// <summary>
/// The volumes port. The live adapter answers from one Win32_Volume query, so shadow storage,
/// free-space and other volume checks of a run share a single read.
/// </summary>
public interface IVolumes
{
    /// <summary>Every volume with a drive letter, with its size and free space.</summary>
    IReadOnlyList<VolumeInfo> ReadAll();
}
