using BackupReconciler.Host.Volumes;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.FreeSpace;

/// <summary>What <c>get</c> shows: the volume of the path with its size and free space.</summary>
public sealed record FreeSpaceActual(string Path, VolumeInfo Volume) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Path,
        ["volume"] = Volume.Name,
        ["sizeBytes"] = Volume.SizeBytes,
        ["freeBytes"] = Volume.FreeBytes,
    };
}
