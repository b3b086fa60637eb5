namespace BackupReconciler.Host.Files;

/// <summary>What became of a file the reconciler asked to delete.</summary>
public enum FileDeletion
{
    Deleted,

    /// <summary>It was already gone: someone else deleted it since it was listed.</summary>
    NotFound,

    /// <summary>Another process holds it open (a sharing violation on Windows); it is still there.</summary>
    InUse,

    /// <summary>It has the read-only attribute, which Windows' delete refuses; it is still there.</summary>
    ReadOnly,
}
