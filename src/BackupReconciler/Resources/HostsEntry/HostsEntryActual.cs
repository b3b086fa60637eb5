using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.HostsEntry;

/// <summary>What <c>get</c> shows for a hosts entry: the file, whether it exists, and every address its lines give the name, in file order.</summary>
public sealed record HostsEntryActual(string Path, string Hostname, bool FileExists, IReadOnlyList<string> Addresses) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Path,
        ["fileExists"] = FileExists,
        ["hostname"] = Hostname,
        ["addresses"] = new JArray(Addresses.Cast<object>().ToArray()),
    };
}
