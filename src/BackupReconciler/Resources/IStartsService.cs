namespace BackupReconciler.Resources;

/// <summary>
/// A resource that, when it changes, leaves a service running: what-if needs to know so that its
/// planned restarts are the ones apply will do (a service started in this run is restarted with the rest).
/// </summary>
public interface IStartsService
{
    /// <summary>The service this resource starts when it changes, or null when it does not start one.</summary>
    string? StartsService { get; }
}
