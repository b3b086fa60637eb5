namespace BackupReconciler.Engine;

/// <summary>
/// A resource that read the host and declines to go on, because a condition of its own is not met (an undo
/// whose value moved since the run): reported as a precondition failure with this message alone, never as
/// "could not read", since the host was read and nothing failed there.
/// </summary>
public sealed class ResourceRefusedException(string message) : Exception(message);
