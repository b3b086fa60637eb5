using System.Globalization;
using BackupReconciler.Host;
using BackupReconciler.Host.Volumes;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.FreeSpace;

/// <summary>
/// The volume holding <see cref="Path"/> keeps at least a share of its size free (seed 003: 5–10% on
/// the MARS scratch volume). Audit only: a program must not decide what data to delete to make room.
/// </summary>
public sealed record FreeSpaceResource(string Path, decimal MinimumFreePercent) : Resource<FreeSpaceActual>
{
    public override string TypeName => FreeSpaceResourceType.TypeName;

    public override FreeSpaceActual Read(IHost host)
    {
        var path = WindowsPath.Normalize(Path, host.Facts);
        if (!VolumeName.TryNormalize(path.Length >= 2 ? path[..2] : path, out var volume))
        {
            throw new HostOperationException($"\"{path}\" is not on a drive-letter volume; give a path such as C:\\Scratch.");
        }

        var found = host.Volumes.ReadAll().FirstOrDefault(v => v.Name.Equals(volume, StringComparison.OrdinalIgnoreCase))
            ?? throw new HostOperationException($"the volume {volume} of \"{path}\" does not exist on {host.ComputerName}.");
        return new FreeSpaceActual(path, found);
    }

    public override IReadOnlyList<Difference> Compare(FreeSpaceActual actual, IHost host)
    {
        var volume = actual.Volume;
        var freePercent = volume.SizeBytes == 0 ? 0m : Math.Round(100m * volume.FreeBytes / volume.SizeBytes, 1);
        if (freePercent >= MinimumFreePercent)
        {
            return [];
        }

        var required = (long)Math.Ceiling(volume.SizeBytes * MinimumFreePercent / 100m);
        return [Difference.Manual(
            "freeSpace",
            DifferenceValue.Text($"{Size(volume.FreeBytes)} free of {Size(volume.SizeBytes)} on {volume.Name} ({freePercent.ToString(CultureInfo.InvariantCulture)}%)"),
            DifferenceValue.Text($"at least {Size(required)} ({MinimumFreePercent.ToString(CultureInfo.InvariantCulture)}%)"),
            $"free {Size(required - volume.FreeBytes)} on {volume.Name} or move {actual.Path} to a volume with room; this tool never deletes data to make space")];
    }

    /// <summary>Never called: every difference of this type is manual.</summary>
    public override void Apply(IHost host, FreeSpaceActual actual, IReadOnlyList<Difference> changes)
    {
    }

    /// <summary>Binary units, named as such (GiB), as every size in the report is.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
        var value = (decimal)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return $"{Math.Round(value, 1).ToString(CultureInfo.InvariantCulture)} {units[unit]}";
    }
}

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
