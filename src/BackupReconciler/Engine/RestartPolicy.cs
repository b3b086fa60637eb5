namespace BackupReconciler.Engine;

/// <summary>
/// When restarts may happen: only while no backup work that needs the service runs (always asked), only
/// inside <see cref="Window"/> when one is given, or at once with <see cref="Now"/> (which overrides both and
/// is named in the report). <see cref="Pending"/> are restarts earlier runs deferred, to be done now if possible.
/// </summary>
public sealed record RestartPolicy(RestartWindow? Window, bool Now, IReadOnlyList<PendingRestart> Pending)
{
    public static RestartPolicy Default { get; } = new(null, false, []);
}

/// <summary>A restart an earlier run deferred and no run has done since.</summary>
public sealed record PendingRestart(string Service, string Reason, string RunId);
