using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.File;

/// <summary>Whether the file is there, and its size when it is.</summary>
public sealed record FileActual(string Path, bool Exists, long? SizeBytes, bool ReadOnly = false) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Path,
        ["ensure"] = Exists ? "present" : "absent",
        ["sizeBytes"] = SizeBytes,
    };
}
