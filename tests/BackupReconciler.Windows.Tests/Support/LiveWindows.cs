using System.Runtime.InteropServices;
using System.Security.Principal;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>Where these tests are running: Windows or not, Wine or not, elevated or not.</summary>
public static class LiveWindows
{
    private static readonly Lazy<bool> Wine = new(() =>
        OperatingSystem.IsWindows()
        && NativeLibrary.TryLoad("ntdll.dll", out var ntdll)
        && NativeLibrary.TryGetExport(ntdll, "wine_get_version", out _));

    private static readonly Lazy<bool> Elevated = new(() =>
        OperatingSystem.IsWindows() && new WindowsPrincipal(WindowsIdentity.GetCurrent()).IsInRole(WindowsBuiltInRole.Administrator));

    /// <summary>
    /// Set to 1, every live test reads as unable to run here, as when the lane's Wine prefix is not set
    /// up: how the lane (and a test of the runner) proves that a lane whose live tests skip fails.
    /// </summary>
    public const string SimulateUnpreparedPrefix = "BR_LANE_SIMULATE_UNPREPARED_PREFIX";

    /// <summary>
    /// Set to 1 (build.cmd test-live does, after saying what the tests write), the live tests run on Windows.
    /// Without it they skip: an administrator's elevated build.cmd test must not write HKLM, install services
    /// and create firewall rules on a server unasked. Wine prefixes are the lane's own, so the lane needs no opt-in.
    /// </summary>
    public const string OptIn = "BR_LIVE_TESTS";

    /// <summary>Wine says so through ntdll's wine_get_version export, which Windows does not have.</summary>
    public static bool IsWine => Wine.Value;

    /// <summary>
    /// Why a test of the live adapters cannot run here, or null when it can: they write HKLM and
    /// install services, which needs Windows (or Wine) and an elevated process.
    /// </summary>
    public static string? WhyNotHere()
    {
        if (Environment.GetEnvironmentVariable(SimulateUnpreparedPrefix) == "1")
        {
            return $"the Wine prefix is not set up as the lane expects (simulated: {SimulateUnpreparedPrefix}=1)";
        }

        if (!OperatingSystem.IsWindows())
        {
            return "needs Windows: it uses the live registry and Service Control Manager (CI proves it under Wine: ./build.sh wine)";
        }

        if (!IsWine && Environment.GetEnvironmentVariable(OptIn) != "1")
        {
            return $"writes under HKLM, installs test services and creates firewall rules on this machine: run build.cmd test-live (or set {OptIn}=1) to run it";
        }

        return Elevated.Value ? null : "needs an elevated (administrator) process: it writes under HKLM and installs a test service";
    }
}
