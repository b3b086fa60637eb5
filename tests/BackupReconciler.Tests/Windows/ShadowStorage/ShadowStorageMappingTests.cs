using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Windows.ShadowStorage;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Tests.Windows.ShadowStorage;

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

    [Fact]
    public void AVolumeReferenceGivesTheDeviceIdItsKeyHolds()
    {
        Assert.Equal(SystemVolume, ShadowStorageMapping.DeviceIdOf(Reference(SystemVolume)));
        Assert.Equal(SystemVolume, ShadowStorageMapping.DeviceIdOf(new WmiReference("win32_volume", new Dictionary<string, object?> { ["deviceid"] = SystemVolume })));
    }

    [Fact]
    public void AnythingButAWin32VolumeReferenceHasNoDeviceId()
    {
        Assert.Null(ShadowStorageMapping.DeviceIdOf(null));
        Assert.Null(ShadowStorageMapping.DeviceIdOf(SystemVolume));
        Assert.Null(ShadowStorageMapping.DeviceIdOf(new WmiReference("Win32_ShadowCopy", new Dictionary<string, object?> { ["DeviceID"] = SystemVolume })));
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

    [Fact]
    public void CreateSendsTwoVolumePathsAndAUInt64Maximum()
    {
        var parameters = ShadowStorageMapping.CreateParameters("C:", "D:", null);

        Assert.Equal(
            ["Volume String C:\\", "DiffVolume String D:\\", $"MaxSpace UInt64 {ulong.MaxValue}"],
            parameters.Select(p => $"{p.Name} {p.Type} {p.Value}"));
    }

    [Fact]
    public void TheAssociationToChangeIsFoundByBothItsVolumes()
    {
        var letters = ShadowStorageMapping.DriveLetters(Volumes);
        var cOnD = WmiRow.Of(("Volume", Reference(SystemVolume)), ("DiffVolume", Reference(DataVolume)), ("MaxSpace", 1UL));

        Assert.True(ShadowStorageMapping.Is(cOnD, letters, "C:", "D:"));
        Assert.False(ShadowStorageMapping.Is(cOnD, letters, "C:", "C:"));
        Assert.False(ShadowStorageMapping.Is(cOnD, letters, "D:", "D:"));
    }

    [Fact]
    public void TheQueriesSelectOnlyWhatTheMappingReadsAndTheWriteNeeds()
    {
        Assert.Equal("SELECT DeviceID, DriveLetter FROM Win32_Volume", ShadowStorageMapping.VolumeQuery.Wql);
        Assert.Equal("SELECT Volume, DiffVolume, MaxSpace FROM Win32_ShadowStorage", ShadowStorageMapping.StorageQuery.Wql);
        Assert.Equal("root/cimv2", ShadowStorageMapping.StorageQuery.Namespace);
    }

    [Theory]
    [InlineData(3u, "Specified volume not found. (Win32_ShadowStorage.Create returned 3)")]
    [InlineData(5u, "Shadow copy storage area already exists. (Win32_ShadowStorage.Create returned 5)")]
    [InlineData(99u, "Unexpected return code. (Win32_ShadowStorage.Create returned 99)")]
    public void CreateFailuresAreSaidInTheMethodsOwnWords(uint code, string message)
    {
        Assert.Equal(message, ShadowStorageMapping.CreateFailure(code));
    }

    /// <summary>A Volume or DiffVolume value as MI gives it: a key-only Win32_Volume instance.</summary>
    private static WmiReference Reference(string deviceId) =>
        new("Win32_Volume", new Dictionary<string, object?> { ["DeviceID"] = deviceId });
}
