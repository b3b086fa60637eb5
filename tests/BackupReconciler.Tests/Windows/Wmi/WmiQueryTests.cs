using BackupReconciler.Windows.Wmi;
using Microsoft.Management.Infrastructure;

namespace BackupReconciler.Tests.Windows.Wmi;

/// <summary>The WQL text and method parameter types the WMI session sends.</summary>
public sealed class WmiQueryTests
{
    [Fact]
    public void AQuerySelectsExactlyItsPropertiesInOrder()
    {
        Assert.Equal("SELECT Name, InstallState FROM Win32_OptionalFeature", new WmiQuery("root/cimv2", "Win32_OptionalFeature", ["Name", "InstallState"]).Wql);
    }

    [Theory]
    [InlineData("Win32_Volume WHERE 1=1", "Name")]
    [InlineData("Win32_Volume", "*")]
    [InlineData("Win32_Volume", "Name FROM Win32_Process --")]
    [InlineData("", "Name")]
    public void ANameThatIsNotAnIdentifierIsRefusedBeforeAnyQueryIsSent(string className, string property)
    {
        Assert.Throws<ArgumentException>(() => new WmiQuery("root/cimv2", className, [property]));
    }

    [Fact]
    public void AQueryWithoutPropertiesIsRefusedRatherThanSelectingEverything()
    {
        Assert.Throws<ArgumentException>(() => new WmiQuery("root/cimv2", "Win32_Volume", []));
    }

    [Fact]
    public void ParametersAreSentAsTheCimTypeTheirValueIs()
    {
        Assert.Equal(CimType.String, new WmiParameter("Volume", @"C:\").Type);
        Assert.Equal(CimType.StringArray, new WmiParameter("ExclusionPath", new[] { @"D:\Scratch" }).Type);
        Assert.Equal(CimType.UInt64, new WmiParameter("MaxSpace", ulong.MaxValue).Type);
        Assert.Equal(CimType.UInt32, new WmiParameter("Flags", 1u).Type);
    }

    [Fact]
    public void AValueWithoutACimTypeThisToolSendsIsRefused()
    {
        // A long maximum would go as sint64, which Win32_ShadowStorage.Create's uint64 MaxSpace does not take.
        Assert.Throws<ArgumentException>(() => new WmiParameter("MaxSpace", 1L).Type);
    }

    [Fact]
    public void AMethodThatReturnedNothingSucceededAndAnyIntegerReturnIsReadAsItsNumber()
    {
        Assert.Equal(0u, WmiValues.ReturnCode(null));
        Assert.Equal(5u, WmiValues.ReturnCode(5u));
        Assert.Equal(11u, WmiValues.ReturnCode(11));
    }
}
