using System.Reflection;

namespace BackupReconciler.Host;

/// <summary>
/// A host's adapters, one per port of <see cref="IHost"/>, by the port's type. A set that misses a port is
/// refused when the host is made (a technology added to <see cref="IHost"/> but not to a host), instead of
/// a null reaching a resource.
/// </summary>
public sealed class HostPorts
{
    /// <summary>The ports of <see cref="IHost"/>: every member that is a technology's interface.</summary>
    public static IReadOnlyList<Type> Types { get; } = typeof(IHost).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.PropertyType)
        .Where(t => t.IsInterface && t.Namespace?.StartsWith(typeof(IHost).Namespace + ".", StringComparison.Ordinal) == true)
        .ToList();

    private readonly Dictionary<Type, object> _ports = [];

    /// <summary>The adapters of <paramref name="host"/>, to make a host that differs in a few (<see cref="Instead"/>).</summary>
    public static HostPorts Of(IHost host)
    {
        var ports = new HostPorts();
        foreach (var technology in HostTechnologies.All)
        {
            ports.Add(technology.Port, technology.PortOf(host));
        }

        return ports;
    }

    public HostPorts With<TPort>(TPort adapter)
        where TPort : class
    {
        Add(typeof(TPort), adapter);
        return this;
    }

    /// <summary>This set with <paramref name="adapter"/> in place of the one it has for <typeparamref name="TPort"/>.</summary>
    public HostPorts Instead<TPort>(TPort adapter)
        where TPort : class
    {
        _ports.Remove(typeof(TPort));
        return With(adapter);
    }

    public TPort Get<TPort>()
        where TPort : class => (TPort)_ports[typeof(TPort)];

    internal object Get(Type port) => _ports[port];

    internal void Add(Type port, object adapter)
    {
        if (!port.IsInstanceOfType(adapter) || !_ports.TryAdd(port, adapter))
        {
            throw new ArgumentException($"{adapter.GetType().Name} is not a {port.Name}, or the host has one already.", nameof(adapter));
        }
    }

    /// <summary>This set, once it has an adapter for every port.</summary>
    internal HostPorts Complete() =>
        Types.FirstOrDefault(t => !_ports.ContainsKey(t)) is { } missing
            ? throw new InvalidOperationException($"The host has no {missing.Name}: every port of IHost needs an adapter (and a technology in HostTechnologies).")
            : this;
}
