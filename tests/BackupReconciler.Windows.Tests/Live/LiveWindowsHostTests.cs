using System.Runtime.Versioning;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>The live host: its facts, and that creating it reads nothing yet.</summary>
[SupportedOSPlatform("windows")]
public sealed class LiveWindowsHostTests
{
    [LiveWindowsFact]
    public void FactsComeFromTheEnvironmentAsBaselinesUseThem()
    {
        var host = new LiveWindowsHost();

        Assert.Equal(Environment.MachineName, host.ComputerName);
        Assert.Matches("^[A-Za-z]:$", host.Facts["SystemDrive"]);
        Assert.StartsWith(host.Facts["SystemDrive"] + "\\", host.Facts["SystemRoot"], StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("Program Files", host.Facts["ProgramFiles"], StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("ProgramData", host.Facts["ProgramData"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(host.ComputerName, host.Facts["computername"]);
    }
}
