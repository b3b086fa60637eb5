namespace BackupReconciler.Host;

/// <summary>
/// An expected failure of a host call (access denied, timeout, missing object, injected fault),
/// carrying the host's own error text. It fails the resource; it is never mistaken for drift.
/// </summary>
public sealed class HostOperationException : Exception
{
    public HostOperationException(string message)
        : base(message)
    {
    }

    public HostOperationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
