using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.ShadowStorage;

/// <summary>
/// Win32_ShadowStorage and Win32_Volume instances → the shadow storage port, and the port's sizes →
/// WMI's. The associations name volumes by reference (<c>Win32_Volume.DeviceID="\\\\?\\Volume{…}\\"</c>);
/// the volumes query turns those device ids into the drive letters the port speaks.
/// </summary>
internal static class ShadowStorageMapping
{
    public static readonly IReadOnlyList<string> VolumeProperties = ["DeviceID", "DriveLetter"];

    public static readonly IReadOnlyList<string> StorageProperties = ["Volume", "DiffVolume", "MaxSpace"];

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
                For: DeviceIdOf(WmiValues.Text(row["Volume"])) is { } forId ? letters.GetValueOrDefault(forId) : null,
                On: DeviceIdOf(WmiValues.Text(row["DiffVolume"])) is { } onId ? letters.GetValueOrDefault(onId) : null,
                Max: WmiValues.UInt64(row["MaxSpace"])))
            .Where(a => a.For is not null && a.On is not null)
            .Select(a => new ShadowStorageAssociation(a.For!, a.On!, ToPortSize(a.Max)))
            .ToList();

    /// <summary>
    /// The device id inside a WMI reference such as <c>Win32_Volume.DeviceID="\\\\?\\Volume{…}\\"</c>
    /// (with or without a <c>\\HOST\root\cimv2:</c> prefix): the quoted value with WMI's backslash escapes undone.
    /// </summary>
    public static string? DeviceIdOf(string? reference)
    {
        const string key = "DeviceID=\"";
        var start = reference?.IndexOf(key, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (start < 0 || !reference!.EndsWith('"'))
        {
            return null;
        }

        var quoted = reference[(start + key.Length)..^1];
        var text = new System.Text.StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
            }

            text.Append(quoted[i]);
        }

        return text.ToString();
    }

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
