using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.ShadowStorage;

/// <summary>
/// What <c>get</c> shows for a shadow storage resource: whether the association exists, its limit,
/// and the storage volume's size that a percentage is taken of.
/// </summary>
public sealed record ShadowStorageActual(string ForVolume, string OnVolume, bool Exists, long? MaxSizeBytes, long StorageVolumeSizeBytes) : IActualState
{
    /// <summary>The current limit as reports show it: bytes, <c>"unbounded"</c>, or null when there is no association.</summary>
    public JToken? MaxSizeJson => Exists ? new SizeLimitValue(MaxSizeBytes).ToJson() : null;

    public JToken ToJson() => new JObject
    {
        ["forVolume"] = ForVolume,
        ["onVolume"] = OnVolume,
        ["exists"] = Exists,
        ["maxSize"] = MaxSizeJson,
        ["storageVolumeSizeBytes"] = StorageVolumeSizeBytes,
    };
}
