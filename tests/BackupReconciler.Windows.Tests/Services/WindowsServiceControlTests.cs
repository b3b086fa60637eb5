using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.Services;
using BackupReconciler.Windows.Services;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Services;

/// <summary>
/// The Service Control Manager adapter against the real SCM, on services the test installs (this
/// program, run as a service) and removes again.
/// </summary>
[SupportedOSPlatform("windows")]
[LaneArea("services")]
public sealed class WindowsServiceControlTests : IDisposable
{
    /// <summary>Measured with Wine 8.0: the dependency is stored (DependOnService) but not reported, and not started first.</summary>
    private const string WineHasNoDependencies =
        "Wine's QueryServiceConfig leaves lpDependencies empty (a TODO in its services.exe) and its StartService does not start dependencies first";

    private readonly TestServices _services = new();

    [LiveWindowsFact]
    public void FindReadsStartTypeStateAndAccountOfAnInstalledService()
    {
        var name = TestServices.Create("Find");

        var info = new WindowsServiceControl().Find(name)!;

        Assert.Equal(name, info.Name);
        Assert.Equal(ServiceStartType.Manual, info.StartType);
        Assert.Equal(ServiceState.Stopped, info.State);
        Assert.True(AccountName.AreSame("LocalSystem", info.Account, Environment.MachineName), info.Account);
        Assert.Empty(info.DependsOn);
    }

    [LiveWindowsFact]
    public void ServiceNamesIgnoreCaseAndTheInstalledSpellingIsReported()
    {
        var name = TestServices.Create("Case");

        Assert.Equal(name, new WindowsServiceControl().Find(name.ToUpperInvariant())!.Name);
    }

    [LiveWindowsFact]
    public void AServiceThatIsNotInstalledIsNotFound()
    {
        Assert.Null(new WindowsServiceControl().Find(TestServices.Prefix + "NotInstalled"));
    }

    [LiveWindowsFact]
    public void TheStartTypeChangesAndTheNextReadSeesTheChange()
    {
        var name = TestServices.Create("StartType");
        var services = new WindowsServiceControl();
        Assert.Equal(ServiceStartType.Manual, services.Find(name)!.StartType);

        foreach (var startType in new[] { ServiceStartType.Disabled, ServiceStartType.Automatic, ServiceStartType.Manual })
        {
            services.SetStartType(name, startType);

            Assert.Equal(startType, services.Find(name)!.StartType);
            Assert.Equal(startType, new WindowsServiceControl().Find(name)!.StartType);
        }
    }

    [LiveWindowsFact(SkipUnderWine = "Wine does not implement SERVICE_CONFIG_DELAYED_AUTO_START_INFO (QueryServiceConfig2 answers error 124)")]
    public void DelayedAutomaticStartIsSetAndClearedThroughItsOwnFlag()
    {
        var name = TestServices.Create("Delayed");
        var services = new WindowsServiceControl();

        services.SetStartType(name, ServiceStartType.AutomaticDelayed);
        Assert.Equal(ServiceStartType.AutomaticDelayed, services.Find(name)!.StartType);

        services.SetStartType(name, ServiceStartType.Automatic);
        Assert.Equal(ServiceStartType.Automatic, services.Find(name)!.StartType);
    }

    [LiveWindowsFact(SkipOnRealWindows = "it pins down Wine's gap that the adapter works around")]
    public void UnderWineTheDelayedFlagIsUnsupportedReadsAsNotDelayedAndSettingItFailsWith124()
    {
        var name = TestServices.Create("NoDelayed", startType: Advapi32.ServiceAutoStart);
        using (var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect))
        using (var service = ServiceControlManager.OpenService(manager, name, Advapi32.ServiceQueryConfig))
        {
            Assert.False(Advapi32.QueryServiceConfig2(service, Advapi32.ServiceConfigDelayedAutoStartInfo, out _, 4, out _));
            Assert.Equal(Advapi32.ErrorInvalidLevel, System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        }

        var services = new WindowsServiceControl();
        Assert.Equal(ServiceStartType.Automatic, services.Find(name)!.StartType);
        AssertWin32(124, () => services.SetStartType(name, ServiceStartType.AutomaticDelayed));
    }

    /// <summary>
    /// Windows sets delayed start in two calls; where the second fails (Wine: 124), the first is taken
    /// back, so a manual service stays manual instead of being left automatic under a failure that says "nothing changed".
    /// </summary>
    [LiveWindowsFact(SkipOnRealWindows = "real Windows sets the delayed flag, so there is no second call that fails")]
    public void WhenTheDelayedFlagCannotBeSetTheStartTypeIsSetBackAndTheFailureSaysSo()
    {
        var name = TestServices.Create("Rollback");
        var services = new WindowsServiceControl();

        var e = Assert.Throws<HostOperationException>(() => services.SetStartType(name, ServiceStartType.AutomaticDelayed));

        Assert.Equal(ServiceStartType.Manual, services.Find(name)!.StartType);
        Assert.Equal(ServiceStartType.Manual, new WindowsServiceControl().Find(name)!.StartType);
        Assert.Contains($"the delayed-start flag of service \"{name}\" could not be set", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("its start type was set back to manual, so nothing was changed", e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"setting the start type of service \"{name}\": ", e.Message, StringComparison.Ordinal);
    }

    [LiveWindowsFact]
    public void AnAutomaticServiceReadsAsAutomaticAlsoWhereTheDelayedFlagCannotBeAskedFor()
    {
        var name = TestServices.Create("Automatic", startType: Advapi32.ServiceAutoStart);

        Assert.Equal(ServiceStartType.Automatic, new WindowsServiceControl().Find(name)!.StartType);
    }

    [LiveWindowsFact]
    public void TheAccountChangesToOneThatNeedsNoPasswordAndBack()
    {
        var name = TestServices.Create("Account");
        var services = new WindowsServiceControl();

        services.SetAccount(name, @"NT AUTHORITY\LOCAL SERVICE");
        Assert.True(AccountName.AreSame("LocalService", services.Find(name)!.Account, Environment.MachineName), services.Find(name)!.Account);

        services.SetAccount(name, "LocalSystem");
        Assert.True(AccountName.AreSame("LocalSystem", services.Find(name)!.Account, Environment.MachineName), services.Find(name)!.Account);
    }

    [LiveWindowsFact]
    public void AnAccountThatNeedsAPasswordIsRefusedBeforeAnythingChanges()
    {
        var name = TestServices.Create("Password");

        var e = Assert.Throws<HostOperationException>(() => new WindowsServiceControl().SetAccount(name, @"CONTOSO\svc-dpm"));

        Assert.Equal("the account \"CONTOSO\\svc-dpm\" needs a password, which baselines never hold; set it by hand.", e.Message);
    }

    [LiveWindowsFact]
    public void ChangingAServiceThatIsNotInstalledFailsWith1060()
    {
        var services = new WindowsServiceControl();
        var missing = TestServices.Prefix + "NotInstalled";

        AssertWin32(1060, () => services.SetStartType(missing, ServiceStartType.Manual));
        AssertWin32(1060, () => services.Start(missing));
        AssertWin32(1060, () => services.Stop(missing));
    }

    [LiveWindowsFact]
    public void StartingADisabledServiceFailsWith1058()
    {
        var name = TestServices.Create("Disabled", startType: Advapi32.ServiceDisabled);

        AssertWin32(1058, () => new WindowsServiceControl().Start(name));
    }

    [LiveWindowsFact]
    public void StoppingAServiceThatIsNotRunningFailsWith1062()
    {
        var name = TestServices.Create("NotRunning");

        AssertWin32(1062, () => new WindowsServiceControl().Stop(name));
    }

    [LiveWindowsFact]
    public void StartAndStopWaitUntilTheServiceGetsThere()
    {
        var name = TestServices.Create("StartStop");
        var services = new WindowsServiceControl();
        Assert.Equal(ServiceState.Stopped, services.Find(name)!.State);

        services.Start(name);
        Assert.Equal(ServiceState.Running, services.Find(name)!.State);
        AssertWin32(1056, () => services.Start(name));

        services.Stop(name);
        Assert.Equal(ServiceState.Stopped, services.Find(name)!.State);
    }

    [LiveWindowsFact(SkipUnderWine = WineHasNoDependencies)]
    public void DependenciesAreReadStartedFirstAndGuardedAgainstStoppingUnderneath()
    {
        var required = TestServices.Create("Required");
        var dependent = TestServices.Create("Dependent", dependsOn: required);
        var services = new WindowsServiceControl();
        Assert.Equal([required], services.Find(dependent)!.DependsOn);

        services.Start(dependent);

        Assert.Equal(ServiceState.Running, services.Find(required)!.State);
        Assert.Equal([dependent], services.DependentsOf(required));
        Assert.Empty(services.DependentsOf(dependent));
        AssertWin32(1051, () => services.Stop(required));

        services.Stop(dependent);
        services.Stop(required);
        Assert.Equal(ServiceState.Stopped, services.Find(required)!.State);
    }

    [LiveWindowsFact]
    public void AStartThatDoesNotFinishInTimeFailsAfterTheTimeoutNotLater()
    {
        var name = TestServices.Create("Slow", TestServiceHost.StartPending);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<HostOperationException>(() => new WindowsServiceControl(TimeSpan.FromSeconds(2)).Start(name));

        Assert.Equal($"starting service \"{name}\": the service \"{name}\" did not get to running within 2 s: it is start pending.", e.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _services.Dispose();

    private static void AssertWin32(int code, Action call)
    {
        var e = Assert.Throws<HostOperationException>(call);

        // Windows' text and code, once, after what was being done to which service.
        var error = $"{new Win32Exception(code).Message} ({code})";
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
        Assert.Equal(e.Message.IndexOf(error, StringComparison.Ordinal), e.Message.LastIndexOf(error, StringComparison.Ordinal));
        Assert.Contains("service \"", e.Message, StringComparison.Ordinal);
        Assert.Equal(code, Assert.IsType<Win32Exception>(e.InnerException).NativeErrorCode);
    }
}
