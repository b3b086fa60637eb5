using BackupReconciler.Host;
using BackupReconciler.Host.Volumes;

namespace BackupReconciler.Snapshot.Capture;

/// <summary>
/// A host that passes every read to another host and records what it answered into <see cref="Captured"/>,
/// an empty snapshot host whose sections then write the snapshot; every change is refused. Running a
/// baseline's reads through it (<c>get</c>) captures exactly the state that baseline looks at, from any
/// host: the live machine, or another snapshot.
/// </summary>
public sealed class RecordingHost : PortedHost
{
    public RecordingHost(IHost inner)
        : this(inner, SnapshotHost.ForCapture(inner.ComputerName, inner.Facts, inner.EventLog.Now))
    {
    }

    private RecordingHost(IHost inner, SnapshotHost captured)
        : base(inner.ComputerName, inner.Facts, Recording(inner, captured))
    {
        Captured = captured;
    }

    /// <summary>What was read, section by section; <see cref="SnapshotHost.WriteCapture"/> writes it.</summary>
    public SnapshotHost Captured { get; }

    /// <summary>
    /// Reads what every host has, whatever a baseline names: the volumes, the shadow storage of each,
    /// the antivirus exclusions and the backup work running. A part that cannot be read is left out and its failure returned.
    /// </summary>
    public IReadOnlyList<string> CaptureHostWide()
    {
        var problems = new List<string>();
        void Try(string what, Action read)
        {
            try
            {
                read();
            }
            catch (Exception e) when (Unreadable.Is(e))
            {
                problems.Add($"{what}: {Unreadable.Reason(e)}");
            }
        }

        IReadOnlyList<VolumeInfo> volumes = [];
        Try("volumes", () => volumes = Volumes.ReadAll());
        foreach (var volume in volumes)
        {
            Try($"shadow storage of {volume.Name}", () => ShadowStorage.ReadFor(volume.Name));
        }

        Try("antivirus exclusions", () => Antivirus.Read());
        Try("backup activity", () => BackupActivity.ReadRunning());
        return problems;
    }

    /// <summary>Each port of <paramref name="inner"/> wrapped by its technology's recorder, recording into the capture's own adapter.</summary>
    private static HostPorts Recording(IHost inner, SnapshotHost captured)
    {
        var ports = new HostPorts();
        foreach (var technology in HostTechnologies.All)
        {
            ports.Add(technology.Port, technology.Record(inner, captured.Port(technology.Port)));
        }

        return ports;
    }
}
