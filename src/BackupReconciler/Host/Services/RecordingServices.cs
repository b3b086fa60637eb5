using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Services;

/// <summary>
/// Reads services and records each installed one, with the services that depend on it: a snapshot works
/// out dependents from their <c>dependsOn</c>, and restarts in a rehearsal need them.
/// </summary>
internal sealed class RecordingServices(IServiceControl inner, SnapshotServices captured) : IServiceControl
{
    public ServiceInfo? Find(string name)
    {
        var service = inner.Find(name);
        if (service is not null && captured.RecordService(service))
        {
            foreach (var dependent in inner.DependentsOf(service.Name))
            {
                Find(dependent);
            }
        }

        return service;
    }

    public IReadOnlyList<string> DependentsOf(string name)
    {
        var dependents = inner.DependentsOf(name);
        foreach (var dependent in dependents)
        {
            Find(dependent);
        }

        return dependents;
    }

    public void SetStartType(string name, ServiceStartType startType) => throw CaptureOnly.Refuse("set a start type");

    public void SetAccount(string name, string account) => throw CaptureOnly.Refuse("set a service account");

    public void Start(string name) => throw CaptureOnly.Refuse("start a service");

    public void Stop(string name) => throw CaptureOnly.Refuse("stop a service");
}
