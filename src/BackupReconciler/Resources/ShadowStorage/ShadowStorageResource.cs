using BackupReconciler.Host;
using BackupReconciler.Host.Volumes;

namespace BackupReconciler.Resources.ShadowStorage;

/// <summary>
/// The VSS shadow storage association for <see cref="ForVolume"/> on <see cref="OnVolume"/>, with at
/// least <see cref="MaxSize"/> of room. An "at least" comparison: a larger or unbounded limit is
/// compliant and is never shrunk, because shrinking makes VSS delete shadow copies that no longer fit.
/// </summary>
public sealed record ShadowStorageResource(string ForVolume, string OnVolume, ShadowStorageSize MaxSize)
    : Resource<ShadowStorageActual>
{
    private const string Property = "maxSize";

    public override string TypeName => ShadowStorageResourceType.TypeName;

    public override ShadowStorageActual Read(IHost host)
    {
        var volumes = host.Volumes.ReadAll();
        var storage = FindVolume(volumes, OnVolume, "storage volume", "onVolume", host);
        FindVolume(volumes, ForVolume, "volume", "forVolume", host);
        var association = host.ShadowStorage.ReadFor(ForVolume)
            .FirstOrDefault(a => a.OnVolume.Equals(OnVolume, StringComparison.OrdinalIgnoreCase));
        return new ShadowStorageActual(ForVolume, OnVolume, association is not null, association?.MaxSizeBytes, storage.SizeBytes);
    }

    private static VolumeInfo FindVolume(IReadOnlyList<VolumeInfo> volumes, string name, string role, string member, IHost host)
    {
        if (volumes.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } volume)
        {
            return volume;
        }

        var present = volumes.Count == 0 ? "it has none" : "its volumes are " + string.Join(", ", volumes.Select(v => v.Name).Order(StringComparer.OrdinalIgnoreCase));
        throw new HostOperationException($"the {role} {name} ({member}) does not exist on {host.ComputerName} ({present}); correct \"{member}\" or bring the volume online.");
    }

    public override IReadOnlyList<Difference> Compare(ShadowStorageActual actual, IHost host)
    {
        var desired = MaxSize.LimitOn(actual.StorageVolumeSizeBytes);
        return IsEnough(actual, desired) ? [] : [new Difference(Property, actual.Exists ? new SizeLimitValue(actual.MaxSizeBytes) : null, new SizeLimitValue(desired))];
    }

    private static bool IsEnough(ShadowStorageActual actual, long? desired) =>
        actual.Exists && (actual.MaxSizeBytes is null || (desired is { } d && actual.MaxSizeBytes >= d));

    public override UndoStep UndoOf(ShadowStorageActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("undo would shrink the shadow storage limit again, and shrinking can delete shadow copies; lower it by hand if you must");

    public override void Apply(IHost host, ShadowStorageActual actual, IReadOnlyList<Difference> changes)
    {
        var desired = MaxSize.LimitOn(actual.StorageVolumeSizeBytes);
        if (!changes.Any(c => c.Property == Property) || IsEnough(actual, desired))
        {
            // Checked again here rather than trusted: a limit that is already large enough must never be lowered.
            return;
        }

        if (actual.Exists)
        {
            host.ShadowStorage.SetMaxSize(ForVolume, OnVolume, desired);
        }
        else
        {
            host.ShadowStorage.Create(ForVolume, OnVolume, desired);
        }
    }
}
