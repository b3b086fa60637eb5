namespace BackupReconciler.Host.ShadowStorage;

/// <summary>
/// The VSS shadow storage port (Win32_ShadowStorage on the live host). Volume names are drive
/// letters such as <c>C:</c>; a maximum size of null means unbounded, and it is never zero,
/// because VSS deletes an association whose maximum is set to zero.
/// </summary>
public interface IShadowStorage
{
    /// <summary>
    /// Every association for <paramref name="forVolume"/>, on whichever volumes they are, in one call.
    /// The live adapter answers from one query of all associations per run.
    /// </summary>
    IReadOnlyList<ShadowStorageAssociation> ReadFor(string forVolume);

    /// <summary>Creates the association; fails when either volume does not exist or the association already does.</summary>
    void Create(string forVolume, string onVolume, long? maxSizeBytes);

    /// <summary>Changes the maximum size of an existing association.</summary>
    void SetMaxSize(string forVolume, string onVolume, long? maxSizeBytes);
}
