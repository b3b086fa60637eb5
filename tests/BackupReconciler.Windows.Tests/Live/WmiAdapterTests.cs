using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Windows.Antivirus;
using BackupReconciler.Windows.Features;
using BackupReconciler.Windows.ShadowStorage;
using BackupReconciler.Windows.Tests.Support;
using BackupReconciler.Windows.Volumes;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>
/// The WMI adapters read the real machine through one MI session, as the live host gives them (read
/// only: these tests change nothing).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WmiAdapterTests : IDisposable
{
    private readonly WmiSession _wmi = new(HostCall.DefaultTimeout);

    public void Dispose() => _wmi.Dispose();

    private static string SystemDrive => Environment.GetEnvironmentVariable("SystemDrive") ?? "C:";

    /// <summary>Where MI cannot load (Wine has no mi.dll), a read is a host failure naming the read and saying why, not a crash.</summary>
    [LiveWindowsFact(SkipOnRealWindows = "real Windows has WMI")]
    public void WhereWmiIsMissingAReadFailsAsAHostFailureThatNamesTheReadAndSaysWhy()
    {
        var e = Assert.Throws<HostOperationException>(() => new WindowsVolumes(_wmi).ReadAll());

        Assert.StartsWith("reading the volumes (Win32_Volume): WMI is not available on this host: ", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void TheSystemVolumeIsReadWithItsSizes()
    {
        var system = Assert.Single(new WindowsVolumes(_wmi).ReadAll(), v => v.Name.Equals(SystemDrive, StringComparison.OrdinalIgnoreCase));

        Assert.InRange(system.FreeBytes, 0, system.SizeBytes);
        Assert.True(system.SizeBytes > 0);
    }

    [ShadowStorageFact(SkipUnderWine = WineLacks.Wmi)]
    public void ShadowStorageOfAVolumeThatHasItIsReadByDriveLetter()
    {
        var volume = MachineFacts.VolumeWithShadowStorage()!;

        var associations = new WindowsShadowStorage(_wmi).ReadFor(volume.ToLowerInvariant());

        Assert.NotEmpty(associations);
        Assert.All(associations, a => Assert.Equal(volume.ToUpperInvariant(), a.ForVolume));
        Assert.All(associations, a => Assert.True(a.MaxSizeBytes is null or > 0));
    }

    [DefenderFact(installed: true, SkipUnderWine = WineLacks.Wmi)]
    public void DefenderExclusionsAreReadWhereDefenderIsInstalled()
    {
        var exclusions = new WindowsAntivirus(_wmi).Read();

        Assert.DoesNotContain(exclusions.Paths, p => p.StartsWith("N/A", StringComparison.Ordinal));
    }

    [DefenderFact(installed: false, SkipUnderWine = WineLacks.Wmi)]
    public void WithoutDefenderTheReadFailsSayingSo()
    {
        var e = Assert.Throws<HostOperationException>(() => new WindowsAntivirus(_wmi).Read());

        Assert.Contains("Defender", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void FeaturesAreReadAndAnUnknownNameIsNoFeature()
    {
        var features = new WindowsFeatures(_wmi);

        Assert.Null(features.IsInstalled("BRTest-No-Such-Feature"));
        Assert.NotNull(features.IsInstalled(OperatingSystem.IsWindowsVersionAtLeast(10) ? "NetFx4" : "NetFx3") ?? features.IsInstalled("NetFx3"));
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void AClassWmiDoesNotHaveIsAFailureInWmisOwnWordsThatNamesTheReadAndReadsAsMissing()
    {
        var e = Assert.Throws<HostOperationException>(() => _wmi.Query("reading BRTest_NoSuchClass", new WmiQuery(WmiNamespace.Cimv2, "BRTest_NoSuchClass", ["Name"])));

        Assert.StartsWith("reading BRTest_NoSuchClass: ", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"\((WMI 0x8004[0-9A-F]{4}|MI result \d+: \w+)\)$", e.Message);
        Assert.True(WmiFailure.IsMissing(e.InnerException), e.Message);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void ANamespaceWmiDoesNotHaveReadsAsMissing()
    {
        var e = Assert.Throws<HostOperationException>(() => _wmi.Query("reading a namespace that is not there", new WmiQuery("root/BRTestNoSuchNamespace", "Win32_Volume", ["Name"])));

        Assert.True(WmiFailure.IsMissing(e.InnerException), e.Message);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Wmi)]
    public void OneSessionServesEveryAdapterAndClosesWithTheHost()
    {
        var host = new LiveWindowsHost();
        Assert.NotEmpty(host.Volumes.ReadAll());
        Assert.NotNull(host.Features.IsInstalled("NetFx4") ?? host.Features.IsInstalled("NetFx3"));

        host.Dispose();

        // A read not cached yet needs the session, which is closed: the host is finished with, not reconnected.
        Assert.Throws<ObjectDisposedException>(() => host.ShadowStorage.ReadFor(SystemDrive));
    }
}
