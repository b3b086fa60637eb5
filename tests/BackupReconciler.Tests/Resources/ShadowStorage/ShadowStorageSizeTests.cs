using BackupReconciler.Resources.ShadowStorage;

namespace BackupReconciler.Tests.Resources;

public sealed class ShadowStorageSizeTests
{
    [Theory]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("2B", 2L)]
    [InlineData("512 kb", 524288L)]
    [InlineData("900MB", 943718400L)]
    [InlineData("20GB", 21474836480L)]
    [InlineData(" 20gb ", 21474836480L)]
    [InlineData("1.5TB", 1649267441664L)]
    [InlineData(".5GB", 536870912L)]
    [InlineData("2PB", 2251799813685248L)]
    [InlineData("7EB", 8070450532247928832L)]
    [InlineData("1.0000000001KB", 1024L)]
    public void SizesWithUnitsAreBinaryAsVssadminCountsThem(string text, long bytes)
    {
        Assert.True(ShadowStorageSize.TryParse(text, out var size, out var problem), problem);
        Assert.Equal(bytes, size.Bytes);
        Assert.Null(size.Percent);
        Assert.Equal(bytes, size.LimitOn(1));
    }

    [Theory]
    [InlineData("10%", 1000L, 100L)]
    [InlineData("12.5 %", 1001L, 125L)]
    [InlineData("100%", 536870912000L, 536870912000L)]
    [InlineData("0.5%", 10L, 1L)]
    [InlineData("10%", 1099511627776L, 109951162777L)]
    public void APercentageIsOfTheGivenVolumeSizeRoundedDownButNeverZero(string text, long volumeBytes, long limit)
    {
        Assert.True(ShadowStorageSize.TryParse(text, out var size, out var problem), problem);
        Assert.Null(size.Bytes);
        Assert.Equal(limit, size.LimitOn(volumeBytes));
    }

    [Theory]
    [InlineData("unbounded")]
    [InlineData("UNBOUNDED")]
    [InlineData(" Unbounded ")]
    public void UnboundedHasNoLimit(string text)
    {
        Assert.True(ShadowStorageSize.TryParse(text, out var size, out _));
        Assert.True(size.IsUnbounded);
        Assert.Null(size.LimitOn(1000));
    }

    [Theory]
    [InlineData("-5GB", "a size cannot be negative; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\"")]
    [InlineData("120%", "a percentage of the storage volume must be more than 0% and at most 100%")]
    [InlineData("0%", "a percentage of the storage volume must be more than 0% and at most 100%")]
    [InlineData("-10%", "a percentage of the storage volume must be more than 0% and at most 100%")]
    [InlineData("abc", "that is not a size; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\"")]
    [InlineData("", "that is not a size; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\"")]
    [InlineData("1,5GB", "that is not a size; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\"")]
    [InlineData("20XB", "the unit is not one of B, KB, MB, GB, TB, PB or EB (binary, as vssadmin counts: 1 GB = 1024 MB)")]
    [InlineData("20GiB", "the unit is not one of B, KB, MB, GB, TB, PB or EB (binary, as vssadmin counts: 1 GB = 1024 MB)")]
    [InlineData("0", "a limit of zero would delete the shadow storage and its shadow copies; give a size above zero, a percentage such as \"10%\", or \"unbounded\"")]
    [InlineData("0.1B", "a limit of zero would delete the shadow storage and its shadow copies; give a size above zero, a percentage such as \"10%\", or \"unbounded\"")]
    [InlineData("8EB", "that is more than Windows can hold (8 EB); use \"unbounded\" for no limit")]
    [InlineData("99999999999999999999999999999999GB", "that is more than Windows can hold (8 EB); use \"unbounded\" for no limit")]
    public void AnInvalidSizeSaysWhatIsWrongAndWhatToWrite(string text, string expected)
    {
        Assert.False(ShadowStorageSize.TryParse(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }
}
