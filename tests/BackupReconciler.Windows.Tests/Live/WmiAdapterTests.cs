using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Windows.Antivirus;
using BackupReconciler.Windows.Features;
using BackupReconciler.Windows.ShadowStorage;
using BackupReconciler.Windows.Tests.Support;
using BackupReconciler.Windows.Volumes;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>The WMI adapters read the real machine (read only: these tests change nothing).</summary>
[SupportedOSPlatform("windows")]
public sealed class WmiAdapterTests
{
    private static string SystemDrive => Environment.GetEnvironmentVariable("SystemDrive") ?? "C:";

    /// <summary>Where WMI is missing (Wine), System.Management throws PlatformNotSupportedException: a host failure naming the read, not a crash.</summary>
    [LiveWindowsFact(SkipOnRealWindows = "real Windows has WMI")]
    public void WhereWmiIsMissingAReadFailsAsAHostFailureThatNamesTheReadAndSaysWhy()
    {
        var e = Assert.Throws<HostOperationException>(() => new WindowsVolumes().ReadAll());

        Assert.StartsWith("reading the volumes (Win32_Volume): WMI is not available on this host: ", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void TheSystemVolumeIsReadWithItsSizes()
    {
        var system = Assert.Single(new WindowsVolumes().ReadAll(), v => v.Name.Equals(SystemDrive, StringComparison.OrdinalIgnoreCase));

        Assert.InRange(system.FreeBytes, 0, system.SizeBytes);
        Assert.True(system.SizeBytes > 0);
    }

    [ShadowStorageFact(SkipUnderWine = WineLacks.Wmi)]
    public void ShadowStorageOfAVolumeThatHasItIsReadByDriveLetter()
    {
        var volume = MachineFacts.VolumeWithShadowStorage()!;

        var associations = new WindowsShadowStorage().ReadFor(volume.ToLowerInvariant());

        Assert.NotEmpty(associations);
        Assert.All(associations, a => Assert.Equal(volume.ToUpperInvariant(), a.ForVolume));
        Assert.All(associations, a => Assert.True(a.MaxSizeBytes is null or > 0));
    }

    [DefenderFact(installed: true, SkipUnderWine = WineLacks.Wmi)]
    public void DefenderExclusionsAreReadWhereDefenderIsInstalled()
    {
        var exclusions = new WindowsAntivirus().Read();

        Assert.DoesNotContain(exclusions.Paths, p => p.StartsWith("N/A", StringComparison.Ordinal));
    }

    [DefenderFact(installed: false, SkipUnderWine = WineLacks.Wmi)]
    public void WithoutDefenderTheReadFailsSayingSo()
    {
        var e = Assert.Throws<HostOperationException>(() => new WindowsAntivirus().Read());

        Assert.Contains("Defender", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void FeaturesAreReadAndAnUnknownNameIsNoFeature()
    {
        var features = new WindowsFeatures();

        Assert.Null(features.IsInstalled("BRTest-No-Such-Feature"));
        Assert.NotNull(features.IsInstalled(OperatingSystem.IsWindowsVersionAtLeast(10) ? "NetFx4" : "NetFx3") ?? features.IsInstalled("NetFx3"));
    }
}
