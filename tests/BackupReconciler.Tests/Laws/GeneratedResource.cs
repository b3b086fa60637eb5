using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Laws;

/// <summary>
/// One generated resource: its type and properties (a valid desired state), what it puts on the host
/// (a random actual state), and whether that actual state is one apply cannot fix — the service,
/// task, volume or SQL instance is missing, two firewall rules share the name, the JSON file is not
/// JSON, the temporary files that must stay are already too many. Such a resource may fail; no other may.
/// </summary>
public sealed record GeneratedResource(string Type, JObject Properties, Action<HostBuilder> Arrange, bool MayFail)
{
    public override string ToString() => $"{Type}{(MayFail ? " (may fail)" : "")} {Properties.ToString(Newtonsoft.Json.Formatting.None)}";
}
