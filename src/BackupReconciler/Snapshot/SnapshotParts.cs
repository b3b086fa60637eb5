using BackupReconciler.Host;
using BackupReconciler.Host.Files;

namespace BackupReconciler.Snapshot;

/// <summary>
/// What a snapshot's adapters are made from: the file's faults, clock, capture time, computer name and file
/// tree, and the adapters made before (shadow storage looks up volumes). Makes one adapter per technology,
/// in the order of <see cref="HostTechnologies.All"/>, which is the order of the file's sections.
/// </summary>
public sealed class SnapshotParts(FaultInjector faults, TimeProvider clock, DateTimeOffset? capturedAt, string computerName, SnapshotFileSystem files)
{
    private readonly List<ISnapshotSection> _sections = [];

    public FaultInjector Faults => faults;

    public TimeProvider Clock => clock;

    public DateTimeOffset? CapturedAt => capturedAt;

    public string ComputerName => computerName;

    public SnapshotFileSystem Files => files;

    internal HostPorts Ports { get; } = new();

    /// <summary>The sections, in the order the file lists them.</summary>
    internal IReadOnlyList<ISnapshotSection> Sections => _sections;

    /// <summary>The snapshot adapter of the port <typeparamref name="TPort"/>, made before this one.</summary>
    public TSnapshot Made<TPort, TSnapshot>()
        where TPort : class
        where TSnapshot : class, TPort => (TSnapshot)Ports.Get<TPort>();

    internal SnapshotParts MakeAll()
    {
        foreach (var technology in HostTechnologies.All)
        {
            var adapter = technology.Snapshot(this);
            Ports.Add(technology.Port, adapter);
            if (adapter is ISnapshotSection section)
            {
                _sections.Add(section);
            }
        }

        return this;
    }
}
