using BackupReconciler.Host.Volumes;
using BackupReconciler.Windows.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Tests.Windows.Volumes;

/// <summary>Win32_Volume values (as MI boxes them: uint64 as ulong, strings) → the volumes port.</summary>
public sealed class VolumeMappingTests
{
    [Fact]
    public void DriveLetterVolumesAreReadWithTheirSizesAndTheOthersLeftOut()
    {
        WmiRow[] rows =
        [
            WmiRow.Of(("DriveLetter", "d:"), ("Capacity", 2_000_000_000_000UL), ("FreeSpace", 1_500_000_000_000UL)),
            WmiRow.Of(("DriveLetter", "C:"), ("Capacity", 536_870_912_000UL), ("FreeSpace", 120_000_000_000UL)),
            WmiRow.Of(("DriveLetter", null), ("Capacity", 524_288_000UL), ("FreeSpace", 100_000_000UL)),
            WmiRow.Of(("DriveLetter", "E:"), ("Capacity", null), ("FreeSpace", null)),
        ];

        Assert.Equal(
            [new VolumeInfo("C:", 536_870_912_000, 120_000_000_000), new VolumeInfo("D:", 2_000_000_000_000, 1_500_000_000_000)],
            VolumeMapping.ToVolumes(rows));
    }

    [Fact]
    public void OnlyTheThreePropertiesThePortNeedsAreSelected()
    {
        Assert.Equal("SELECT DriveLetter, Capacity, FreeSpace FROM Win32_Volume", VolumeMapping.Query.Wql);
        Assert.Equal("root/cimv2", VolumeMapping.Query.Namespace);
    }
}
