using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.ShadowStorage;

/// <summary>
/// Win32_ShadowStorage and Win32_Volume instances → the shadow storage port, and the port's sizes →
/// WMI's. The associations name volumes by reference (Volume and DiffVolume point at Win32_Volume
/// instances, keyed by DeviceID <c>\\?\Volume{…}\</c>); the volumes query turns those device ids into
/// the drive letters the port speaks.
/// </summary>
internal static class ShadowStorageMapping
{
    public const string ClassName = "Win32_ShadowStorage";

    public static readonly IReadOnlyList<string> VolumeProperties = ["DeviceID", "DriveLetter"];

    /// <summary>Volume and DiffVolume are the class's keys, so an instance read with these can be written back.</summary>
    public static readonly IReadOnlyList<string> StorageProperties = ["Volume", "DiffVolume", "MaxSpace"];

    public static readonly WmiQuery VolumeQuery = new(WmiNamespace.Cimv2, "Win32_Volume", VolumeProperties);

    public static readonly WmiQuery StorageQuery = new(WmiNamespace.Cimv2, ClassName, StorageProperties);

    /// <summary>VSS's "no limit" (vssadmin's UNBOUNDED): the LONGLONG -1 of the VSS API, seen as uint64 by WMI.</summary>
    public const ulong Unbounded = ulong.MaxValue;

    /// <summary>Device id (<c>\\?\Volume{…}\</c>, ignoring case) → drive letter, for volumes that have one.</summary>
    public static IReadOnlyDictionary<string, string> DriveLetters(IEnumerable<WmiRow> volumes)
    {
        var letters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in volumes)
        {
            if (WmiValues.Text(row["DeviceID"]) is { } device && WmiValues.Text(row["DriveLetter"]) is { } letter
                && VolumeName.TryNormalize(letter, out var name))
            {
                letters[device] = name;
            }
        }

        return letters;
    }

    /// <summary>
    /// The associations between drive-letter volumes; one that involves a volume without a letter cannot
    /// be named by a baseline and is left out.
    /// </summary>
    public static IReadOnlyList<ShadowStorageAssociation> ToAssociations(IEnumerable<WmiRow> storages, IReadOnlyDictionary<string, string> letters) =>
        storages
            .Select(row => (
                For: DeviceIdOf(row["Volume"]) is { } forId ? letters.GetValueOrDefault(forId) : null,
                On: DeviceIdOf(row["DiffVolume"]) is { } onId ? letters.GetValueOrDefault(onId) : null,
                Max: WmiValues.UInt64(row["MaxSpace"])))
            .Where(a => a.For is not null && a.On is not null)
            .Select(a => new ShadowStorageAssociation(a.For!, a.On!, ToPortSize(a.Max)))
            .ToList();

    /// <summary>The device id a Volume or DiffVolume reference points at (Win32_Volume's key), or null when it is no such reference.</summary>
    public static string? DeviceIdOf(object? reference) =>
        reference is WmiReference { ClassName: var className } && className.Equals("Win32_Volume", StringComparison.OrdinalIgnoreCase)
            ? WmiValues.ReferenceKey(reference, "DeviceID")
            : null;

    /// <summary>
    /// WMI's maximum → the port's: unbounded (and anything past long's range, which no disk reaches) is
    /// null. A zero maximum never comes from VSS (it deletes such an association), so none is invented.
    /// </summary>
    public static long? ToPortSize(ulong? maxSpace) =>
        maxSpace is null or > long.MaxValue ? null : (long)maxSpace.Value;

    public static ulong ToWmiSize(long? maxSizeBytes) =>
        maxSizeBytes is { } bytes ? (ulong)bytes : Unbounded;

    /// <summary>The volume as Win32_ShadowStorage.Create takes it: a drive letter with its backslash.</summary>
    public static string ToCreateVolume(string volume) => volume + "\\";

    /// <summary>Win32_ShadowStorage.Create(Volume, DiffVolume, MaxSpace): two volume paths and a uint64 maximum.</summary>
    public static IReadOnlyList<WmiParameter> CreateParameters(string forVolume, string onVolume, long? maxSizeBytes) =>
    [
        new("Volume", ToCreateVolume(forVolume)),
        new("DiffVolume", ToCreateVolume(onVolume)),
        new("MaxSpace", ToWmiSize(maxSizeBytes)),
    ];

    /// <summary>Whether a Win32_ShadowStorage row is the association for <paramref name="forVolume"/> on <paramref name="onVolume"/>.</summary>
    public static bool Is(WmiRow storage, IReadOnlyDictionary<string, string> letters, string forVolume, string onVolume) =>
        ToAssociations([storage], letters) is [{ } found] && found.ForVolume == forVolume && found.OnVolume == onVolume;

    /// <summary>Win32_ShadowStorage.Create's documented return codes, in its own words.</summary>
    public static string CreateFailure(uint returnValue) =>
        $"{returnValue switch
        {
            1 => "Access denied.",
            2 => "Invalid argument.",
            3 => "Specified volume not found.",
            4 => "Specified volume not supported.",
            5 => "Shadow copy storage area already exists.",
            6 => "Maximum number of shadow storage areas reached.",
            7 => "Shadow copy provider veto of the operation.",
            8 => "Shadow copy provider not registered.",
            9 => "Shadow copy provider failure.",
            10 => "Unknown error.",
            11 => "Insufficient storage.",
            _ => "Unexpected return code.",
        }} (Win32_ShadowStorage.Create returned {returnValue.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
