using BackupReconciler.Host;
using BackupReconciler.Windows.ShadowStorage;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Tests.Windows.Wmi;

/// <summary>Win32_ShadowStorage's volume references and sizes → the shadow storage port, and back.</summary>
public sealed class ShadowStorageMappingTests
{
    private const string SystemVolume = @"\\?\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\";
    private const string DataVolume = @"\\?\Volume{a2b3c4d5-0000-0000-0000-100000000000}\";
    private const string Reserved = @"\\?\Volume{ffffffff-0000-0000-0000-000000000000}\";

    private static readonly WmiRow[] Volumes =
    [
        WmiRow.Of(("DeviceID", SystemVolume), ("DriveLetter", "C:")),
        WmiRow.Of(("DeviceID", DataVolume), ("DriveLetter", "d:")),
        WmiRow.Of(("DeviceID", Reserved), ("DriveLetter", null)),
    ];

    [Theory]
    [InlineData("Win32_Volume.DeviceID=\"\\\\\\\\?\\\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\\\\"")]
    [InlineData("\\\\DPM01\\root\\cimv2:Win32_Volume.DeviceID=\"\\\\\\\\?\\\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\\\\"")]
    public void AVolumeReferenceGivesTheDeviceIdWithWmisEscapesUndone(string reference)
    {
        Assert.Equal(SystemVolume, ShadowStorageMapping.DeviceIdOf(reference));
    }

    [Fact]
    public void AssociationsAreNamedByDriveLetterAndUnboundedIsNull()
    {
        WmiRow[] storages =
        [
            WmiRow.Of(("Volume", Reference(SystemVolume)), ("DiffVolume", Reference(DataVolume)), ("MaxSpace", 10_737_418_240UL)),
            WmiRow.Of(("Volume", Reference(DataVolume)), ("DiffVolume", Reference(DataVolume)), ("MaxSpace", ulong.MaxValue)),
            WmiRow.Of(("Volume", Reference(Reserved)), ("DiffVolume", Reference(SystemVolume)), ("MaxSpace", 1UL)),
        ];

        Assert.Equal(
            [new ShadowStorageAssociation("C:", "D:", 10_737_418_240), new ShadowStorageAssociation("D:", "D:", null)],
            ShadowStorageMapping.ToAssociations(storages, ShadowStorageMapping.DriveLetters(Volumes)));
    }

    [Fact]
    public void ThePortsSizesGoToWmiAsBytesOrTheUnboundedValue()
    {
        Assert.Equal(ulong.MaxValue, ShadowStorageMapping.ToWmiSize(null));
        Assert.Equal(21_474_836_480UL, ShadowStorageMapping.ToWmiSize(21_474_836_480));
        Assert.Equal(@"C:\", ShadowStorageMapping.ToCreateVolume("C:"));
    }

    [Theory]
    [InlineData(3u, "Specified volume not found. (Win32_ShadowStorage.Create returned 3)")]
    [InlineData(5u, "Shadow copy storage area already exists. (Win32_ShadowStorage.Create returned 5)")]
    [InlineData(99u, "Unexpected return code. (Win32_ShadowStorage.Create returned 99)")]
    public void CreateFailuresAreSaidInTheMethodsOwnWords(uint code, string message)
    {
        Assert.Equal(message, ShadowStorageMapping.CreateFailure(code));
    }

    private static string Reference(string deviceId) =>
        "Win32_Volume.DeviceID=\"" + deviceId.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
}
