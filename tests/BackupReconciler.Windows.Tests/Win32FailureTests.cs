using System.ComponentModel;
using System.Security;
using BackupReconciler.Windows.Services;

namespace BackupReconciler.Windows.Tests;

/// <summary>How Windows errors become reported failures; the mapping needs no Windows, so these run anywhere.</summary>
public sealed class Win32FailureTests
{
    [Theory]
    [InlineData(1058)]
    [InlineData(1060)]
    [InlineData(5)]
    public void AWin32ErrorIsWindowsOwnTextWithItsCode(int code)
    {
        var e = Win32Failure.FromCode(code);

        Assert.Equal($"{new Win32Exception(code).Message} ({code})", e.Message);
        Assert.Equal(code, Assert.IsType<Win32Exception>(e.InnerException).NativeErrorCode);
    }

    [Fact]
    public void RegistryAccessProblemsAreAccessDenied()
    {
        var expected = $"{new Win32Exception(5).Message} (5)";

        Assert.Equal(expected, Win32Failure.FromRegistryException(new UnauthorizedAccessException("Access to the registry key is denied.")).Message);
        Assert.Equal(expected, Win32Failure.FromRegistryException(new SecurityException("Requested registry access is not allowed.")).Message);
    }

    [Fact]
    public void ARegistryIOErrorIsTheWin32CodeInsideItsHResult()
    {
        var e = Win32Failure.FromRegistryException(new IOException("The configuration registry key is invalid.", unchecked((int)0x800703F2)));

        Assert.Equal($"{new Win32Exception(1010).Message} (1010)", e.Message);
    }

    [Fact]
    public void AnErrorWithoutAWin32CodeKeepsItsOwnMessage()
    {
        Assert.Equal("odd", Win32Failure.FromRegistryException(new IOException("odd")).Message);
    }

    [Theory]
    [InlineData("Class not registered (0x80040154 (REGDB_E_CLASSNOTREG))", "Class not registered (0x80040154)")]
    [InlineData("Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG)", "Class not registered: the COM server is not installed (0x80040154)")]
    [InlineData("Exception from HRESULT: 0x80041234", "COM error (0x80041234)")]
    [InlineData("Exception from HRESULT: 0x80041234 (SOME_E_THING)", "SOME_E_THING (0x80041234)")]
    [InlineData("The task is disabled.", "The task is disabled. (0x80041234)")]
    public void AComErrorGivesItsMeaningAndItsCodeOnceEach(string dotnetText, string said)
    {
        var hresult = said.Contains("0x80040154", StringComparison.Ordinal) ? unchecked((int)0x80040154) : unchecked((int)0x80041234);

#pragma warning disable CA2201 // the exception a late-bound COM call throws, as the adapters receive it
        var thrown = new System.Runtime.InteropServices.COMException(dotnetText, hresult);
#pragma warning restore CA2201

        Assert.Equal(said, ComFailure.From(thrown).Message);
    }

    /// <summary>
    /// Source-generated COM throws a failed HRESULT as Marshal.ThrowExceptionForHR does, which maps well-known
    /// ones to other .NET types than COMException: each must still read as a COM failure, with its code.
    /// </summary>
    [Theory]
    [InlineData(unchecked((int)0x80070002))]
    [InlineData(unchecked((int)0x80070003))]
    [InlineData(unchecked((int)0x80070005))]
    [InlineData(unchecked((int)0x80070057))]
    [InlineData(unchecked((int)0x80004001))]
    [InlineData(unchecked((int)0x80004002))]
    [InlineData(unchecked((int)0x80041309))]
    public void AFailedHResultFromGeneratedComIsAComFailureWithItsCode(int hresult)
    {
        var thrown = System.Runtime.InteropServices.Marshal.GetExceptionForHR(hresult)!;

        Assert.True(ComFailure.IsCom(thrown), thrown.GetType().Name);
        Assert.EndsWith($"(0x{hresult:X8})", ComFailure.From(thrown).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"NT AUTHORITY\SYSTEM", "LocalSystem", "")]
    [InlineData(@"NT AUTHORITY\LOCAL SERVICE", @"NT AUTHORITY\LocalService", "")]
    [InlineData(@"NT AUTHORITY\NETWORK SERVICE", @"NT AUTHORITY\NetworkService", "")]
    [InlineData(@"NT SERVICE\MSSQL$MSDPM2012", @"NT SERVICE\MSSQL$MSDPM2012", null)]
    [InlineData(@"CONTOSO\gmsa-dpm$", @"CONTOSO\gmsa-dpm$", null)]
    public void AccountsAreSpelledAndGivenThePasswordChangeServiceConfigDocuments(string account, string startName, string? password)
    {
        Assert.Equal((startName, password), BuiltInAccounts.ForChangeServiceConfig(account));
    }

    [Theory]
    [InlineData(1u, "stopped")]
    [InlineData(2u, "start pending")]
    [InlineData(4u, "running")]
    [InlineData(99u, "in state 99")]
    public void RawStatesAreNamedForReports(uint state, string said)
    {
        Assert.Equal(said, ServiceCodes.Describe(state));
    }

    [Fact]
    public void PendingStatesCountAsWhereTheServiceIsHeading()
    {
        Assert.Equal(
            [Host.Services.ServiceState.Stopped, Host.Services.ServiceState.Running, Host.Services.ServiceState.Stopped, Host.Services.ServiceState.Running,
             Host.Services.ServiceState.Running, Host.Services.ServiceState.Paused, Host.Services.ServiceState.Paused],
            Enumerable.Range(1, 7).Select(s => ServiceCodes.ToState((uint)s)));
    }

    [Fact]
    public void StartTypesMapBothWaysAndDelayedIsAutomaticWithItsFlag()
    {
        foreach (var startType in Enum.GetValues<Host.Services.ServiceStartType>())
        {
            Assert.Equal(startType, ServiceCodes.ToStartType(ServiceCodes.FromStartType(startType), startType == Host.Services.ServiceStartType.AutomaticDelayed));
        }
    }
}
