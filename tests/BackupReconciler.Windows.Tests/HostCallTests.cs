using BackupReconciler.Host;

namespace BackupReconciler.Windows.Tests;

/// <summary>Every live host call is bounded: these run anywhere, as they need no Windows.</summary>
public sealed class HostCallTests
{
    [Fact]
    public void ACallThatHangsFailsWhenItsTimeIsUp()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            var e = Assert.Throws<HostOperationException>(() => HostCall.Run("reading HKLM\\SOFTWARE\\Slow", TimeSpan.FromMilliseconds(200), () => release.Wait(TimeSpan.FromSeconds(30))));

            Assert.Equal("reading HKLM\\SOFTWARE\\Slow did not finish within 200 ms.", e.Message);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void ACallsOwnFailureComesThroughUnwrapped()
    {
        var e = Assert.Throws<HostOperationException>(() => HostCall.Run<int>("x", TimeSpan.FromSeconds(5), () => throw new HostOperationException("Access is denied. (5)")));

        Assert.Equal("Access is denied. (5)", e.Message);
    }

    [Fact]
    public void ANamedCallsFailureSaysWhatWasDoneToWhichObjectAndGivesTheErrorOnceKeepingItsCode()
    {
        var code = new System.ComponentModel.Win32Exception(5);

        var e = Assert.Throws<HostOperationException>(() => HostCall.RunNamed<int>(@"reading HKLM\SOFTWARE\X", TimeSpan.FromSeconds(5), () => throw new HostOperationException($"{code.Message} (5)", code)));

        Assert.Equal($"reading HKLM\\SOFTWARE\\X: {code.Message} (5)", e.Message);
        Assert.Same(code, e.InnerException);
    }

    [Fact]
    public void ACallInTimeGivesItsResult()
    {
        Assert.Equal(42, HostCall.Run("x", TimeSpan.FromSeconds(5), () => 42));
    }

    [Theory]
    [InlineData(30_000, "30 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(250, "250 ms")]
    public void TimeoutsAreSaidAsReportsSayThem(int milliseconds, string said)
    {
        Assert.Equal(said, HostCall.Describe(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
