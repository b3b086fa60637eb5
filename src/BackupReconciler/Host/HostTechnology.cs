using BackupReconciler.Snapshot;

namespace BackupReconciler.Host;

/// <summary>
/// Everything the hosts need to know of one technology, registered once in <see cref="HostTechnologies"/>:
/// its port, how a snapshot holds it, how a capture records it, and the fault targets its calls check.
/// </summary>
public abstract class HostTechnology
{
    /// <summary>The port's interface, as <see cref="IHost"/> exposes it.</summary>
    public abstract Type Port { get; }

    /// <summary>The kind of fault target the snapshot's calls check.</summary>
    public abstract FaultKind Faults { get; }

    /// <summary>The adapter <paramref name="host"/> has for the port.</summary>
    internal abstract object PortOf(IHost host);

    /// <summary>The snapshot's adapter for the port (a section of the file, except for the file tree).</summary>
    internal abstract object Snapshot(SnapshotParts parts);

    /// <summary>The port of <paramref name="inner"/> wrapped so that what it answers is recorded into <paramref name="into"/>, the capture's own snapshot adapter.</summary>
    internal abstract object Record(IHost inner, object into);
}

/// <summary>A technology whose snapshot adapter is a <typeparamref name="TSnapshot"/>.</summary>
public sealed class HostTechnology<TPort, TSnapshot>(
    Func<IHost, TPort> port,
    Func<SnapshotParts, TSnapshot> snapshot,
    Func<TPort, TSnapshot, TPort> record,
    FaultKind faults) : HostTechnology
    where TPort : class
    where TSnapshot : class, TPort
{
    public override Type Port => typeof(TPort);

    public override FaultKind Faults => faults;

    internal override object PortOf(IHost host) => port(host);

    internal override object Snapshot(SnapshotParts parts) => snapshot(parts);

    internal override object Record(IHost inner, object into) => record(port(inner), (TSnapshot)into);
}
