using BackupReconciler.Host;
using BackupReconciler.Windows.Features;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Tests.Windows.Features;

/// <summary>Win32_OptionalFeature → installed or not, by Server Manager's names or the servicing names.</summary>
public sealed class FeatureMappingTests
{
    private static readonly IReadOnlyDictionary<string, uint> States = FeatureMapping.ToStates(
    [
        WmiRow.Of(("Name", "WindowsServerBackup"), ("InstallState", 2u)),
        WmiRow.Of(("Name", "NetFx4"), ("InstallState", 1u)),
        WmiRow.Of(("Name", "NetFx3"), ("InstallState", 3u)),
        WmiRow.Of(("Name", "Odd"), ("InstallState", 4u)),
    ]);

    [Theory]
    [InlineData("Windows-Server-Backup", "WindowsServerBackup")]
    [InlineData("windowsserverbackup", "WindowsServerBackup")]
    [InlineData("NET-Framework-45-Core", "NetFx4")]
    public void ServerManagerNamesAndServicingNamesFindTheFeature(string name, string found)
    {
        Assert.Equal(found, FeatureMapping.Resolve(States, name));
    }

    [Fact]
    public void AFeatureThisEditionDoesNotHaveIsNull()
    {
        Assert.Null(FeatureMapping.Resolve(States, "Hyper-V"));
    }

    [Fact]
    public void EnabledIsInstalledAndDisabledOrAbsentIsNot()
    {
        Assert.True(FeatureMapping.IsInstalled("NetFx4", States["NetFx4"]));
        Assert.False(FeatureMapping.IsInstalled("WindowsServerBackup", States["WindowsServerBackup"]));
        Assert.False(FeatureMapping.IsInstalled("NetFx3", States["NetFx3"]));
    }

    [Fact]
    public void AnUnknownInstallStateIsAFailureNotAnAnswer()
    {
        var e = Assert.Throws<HostOperationException>(() => FeatureMapping.IsInstalled("Odd", States["Odd"]));

        Assert.Contains("unknown", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheNameAndInstallStateAreSelected()
    {
        Assert.Equal("SELECT Name, InstallState FROM Win32_OptionalFeature", FeatureMapping.Query.Wql);
    }
}
