using BackupReconciler.Host.AccessRules;
using BackupReconciler.Windows.AccessRules;
using BackupReconciler.Windows.Files;

namespace BackupReconciler.Tests.Windows.AccessRules;

/// <summary>Access masks ↔ the port's four levels, and inheritance flags ↔ "inherit".</summary>
public sealed class FileRightsMappingTests
{
    [Theory]
    [InlineData(0x1F01FF, FileRights.FullControl)]
    [InlineData(0x1301BF, FileRights.Modify)]
    [InlineData(0x1200A9, FileRights.ReadAndExecute)]
    [InlineData(0x120089, FileRights.Read)]
    [InlineData(0x20089, FileRights.Read)]
    [InlineData(0x10000000, FileRights.FullControl)]
    [InlineData(unchecked((int)0xA0000000), FileRights.ReadAndExecute)]
    [InlineData(unchecked((int)0x80000000), FileRights.Read)]
    public void AMaskIsTheLargestLevelItGrantsInFull(int mask, FileRights level)
    {
        Assert.Equal(level, FileRightsMapping.ToLevel(mask));
    }

    [Theory]
    [InlineData(0x116)]
    [InlineData(0x1)]
    [InlineData(0x100000)]
    public void AMaskBelowReadIsNoLevel(int mask)
    {
        Assert.Null(FileRightsMapping.ToLevel(mask));
    }

    [Fact]
    public void EachLevelIsWrittenAsExplorerWritesItAndReadsBackAsItself()
    {
        Assert.Equal(0x120089, FileRightsMapping.ToMask(FileRights.Read));
        Assert.Equal(0x1F01FF, FileRightsMapping.ToMask(FileRights.FullControl));
        foreach (var level in Enum.GetValues<FileRights>())
        {
            Assert.Equal(level, FileRightsMapping.ToLevel(FileRightsMapping.ToMask(level)));
        }
    }

    [Fact]
    public void InheritedMeansContainerAndObjectInheritAtEveryDepth()
    {
        const int both = FileRightsMapping.ContainerInherit | FileRightsMapping.ObjectInherit;

        Assert.True(FileRightsMapping.IsInherited(both, 0));
        Assert.False(FileRightsMapping.IsInherited(FileRightsMapping.ContainerInherit, 0));
        Assert.False(FileRightsMapping.IsInherited(both, FileRightsMapping.NoPropagateInherit));
        Assert.False(FileRightsMapping.AppliesToItself(FileRightsMapping.InheritOnly));
        Assert.Equal(both, FileRightsMapping.ToInheritance(true));
        Assert.Equal(0, FileRightsMapping.ToInheritance(false));
    }

    [Theory]
    [InlineData(unchecked((int)0x80070020), true)]
    [InlineData(unchecked((int)0x80070021), true)]
    [InlineData(unchecked((int)0x80070005), false)]
    [InlineData(32, false)]
    public void SharingAndLockViolationsMeanInUse(int hresult, bool inUse)
    {
        Assert.Equal(inUse, FileErrors.IsInUse(new IOException("x", hresult)));
    }
}
