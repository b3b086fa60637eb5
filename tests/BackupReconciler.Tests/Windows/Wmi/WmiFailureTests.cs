using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;
using Microsoft.Management.Infrastructure;

namespace BackupReconciler.Tests.Windows.Wmi;

/// <summary>WMI's failures, as MI reports them, → host failures in WMI's own words and code.</summary>
public sealed class WmiFailureTests
{
    [Fact]
    public void AProvidersHResultIsGivenInHexAfterWmisOwnMessage()
    {
        var error = new WmiError("Invalid namespace ", (uint)NativeErrorCode.InvalidNamespace, "HRESULT", 0x8004100E);

        Assert.Equal("Invalid namespace (WMI 0x8004100E)", WmiFailure.Describe(error));
    }

    [Fact]
    public void AWin32ErrorIsGivenInDecimalAsWindowsErrorsAreEverywhereElse()
    {
        var error = new WmiError("Access is denied.", (uint)NativeErrorCode.AccessDenied, "Win32", 5);

        Assert.Equal("Access is denied. (5)", WmiFailure.Describe(error));
    }

    [Fact]
    public void WithoutAProviderCodeMisResultIsGivenByNumberAndName()
    {
        Assert.Equal("Access denied (MI result 2: AccessDenied)", WmiFailure.Describe(new WmiError("Access denied", 2, null, null)));
        Assert.Equal("The operation timed out (MI result 1: Failed)", WmiFailure.Describe(new WmiError("The operation timed out", 1, "MI", 1)));
    }

    [Fact]
    public void AnEmptyMessageIsReplacedByTheResultsName()
    {
        Assert.Equal("NotFound (MI result 6: NotFound)", WmiFailure.Describe(new WmiError("  ", 6, null, null)));
        Assert.Equal("unknown result (MI result 999: unknown result)", WmiFailure.Describe(new WmiError("", 999, null, null)));
    }

    [Theory]
    [InlineData(NativeErrorCode.InvalidNamespace, true)]
    [InlineData(NativeErrorCode.InvalidClass, true)]
    [InlineData(NativeErrorCode.NotFound, true)]
    [InlineData(NativeErrorCode.AccessDenied, false)]
    [InlineData(NativeErrorCode.Failed, false)]
    public void OnlyANamespaceClassOrInstanceThatIsNotThereIsMissing(NativeErrorCode code, bool missing)
    {
        Assert.Equal(missing, WmiFailure.IsMissing(new WmiError("x", (uint)code, null, null)));
    }

    [Fact]
    public void WhereMiCannotLoadWmiIsNotAvailableAndTheReasonIsGiven()
    {
        var missingDll = new DllNotFoundException("Unable to load DLL 'mi.dll' or one of its dependencies.");

        var e = WmiFailure.From(new TypeInitializationException("Microsoft.Management.Infrastructure.Native.ApplicationMethods", missingDll));

        Assert.Equal("WMI is not available on this host: Unable to load DLL 'mi.dll' or one of its dependencies.", e.Message);
        Assert.True(WmiFailure.IsWmiFailure(missingDll));
    }

    [Fact]
    public void AMissingMiAssemblyIsWmiNotAvailableButAnyOtherMissingFileIsNotAWmiFailure()
    {
        Assert.True(WmiFailure.IsUnavailable(new FileNotFoundException("Could not load file or assembly", "Microsoft.Management.Infrastructure, Version=1.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35")));
        Assert.False(WmiFailure.IsWmiFailure(new FileNotFoundException("gone", @"C:\baseline.json")));
        Assert.False(WmiFailure.IsWmiFailure(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void ACimExceptionKeepsItsMessageAndIsKeptInside()
    {
        var cim = new CimException("Invalid class ");

        var e = WmiFailure.From(cim);

        Assert.StartsWith("Invalid class (MI result ", e.Message, StringComparison.Ordinal);
        Assert.Same(cim, e.InnerException);
        Assert.IsType<HostOperationException>(e);
    }
}
