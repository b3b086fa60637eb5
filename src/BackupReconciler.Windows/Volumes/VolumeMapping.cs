using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Volumes;

/// <summary>Win32_Volume instances → the volumes port: drive-letter volumes only, sizes in bytes.</summary>
internal static class VolumeMapping
{
    /// <summary>The only properties the port needs (DESIGN §8: select only what is used).</summary>
    public static readonly IReadOnlyList<string> Properties = ["DriveLetter", "Capacity", "FreeSpace"];

    public static readonly WmiQuery Query = new(WmiNamespace.Cimv2, "Win32_Volume", Properties);

    /// <summary>
    /// Volumes without a drive letter (the system reserved partition, mount points) are not named by any
    /// baseline; a drive without a medium (an empty DVD drive) has no capacity and nothing to check.
    /// </summary>
    public static IReadOnlyList<VolumeInfo> ToVolumes(IEnumerable<WmiRow> rows) =>
        rows
            .Select(row => (Letter: WmiValues.Text(row["DriveLetter"]), Capacity: WmiValues.UInt64(row["Capacity"]), Free: WmiValues.UInt64(row["FreeSpace"])))
            .Where(v => v.Letter is not null && v.Capacity is not null)
            .Select(v => VolumeName.TryNormalize(v.Letter!, out var name)
                ? new VolumeInfo(name, ToBytes(v.Capacity!.Value), ToBytes(v.Free ?? 0))
                : null)
            .OfType<VolumeInfo>()
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>No disk holds 8 EiB: a larger value is a provider's error, and long's ceiling says "huge" truthfully.</summary>
    private static long ToBytes(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
