using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests;

/// <summary>
/// The entry point when this assembly runs as a program rather than under a test host:
/// "service MODE" is the test service the Service Control Manager starts; "lane wine" is the Wine
/// lane as CI runs it; no argument runs every test here (a person on Windows).
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["service", var mode] => TestServiceHost.Run(mode),
        [] => LaneRunner.Run(Tests, Console.Out, new LaneSettings(LiveWindows.IsWine ? "wine" : "windows")),
        ["only", var filter] => LaneRunner.Run(Tests, Console.Out, new LaneSettings(LiveWindows.IsWine ? "wine" : "windows") { Filter = filter }),
        ["lane", "wine"] => WineLane(null),
        ["lane", "wine", "only", var filter] => WineLane(filter),
        _ => Usage(),
    };

    private static IEnumerable<Type> Tests => typeof(Program).Assembly.GetTypes();

    /// <summary>The Wine lane: judged by .ci/lanes.expected, and only where Wine is what runs it.</summary>
    private static int WineLane(string? filter)
    {
        if (!LiveWindows.IsWine)
        {
            // A misfiring platform check would turn every "skip under Wine" the wrong way round.
            Console.WriteLine("FAIL the Wine lane runs where Wine is not detected (ntdll.dll has no wine_get_version); the lane proves nothing here");
            Console.WriteLine("wine: 0 passed, 1 failed");
            return 1;
        }

        return LaneRunner.Run(Tests, Console.Out, LaneSettings.Wine(filter));
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: BackupReconciler.Windows.Tests.exe                      run every test here");
        Console.Error.WriteLine("       BackupReconciler.Windows.Tests.exe only TEXT            run the tests whose Class.Method contains TEXT");
        Console.Error.WriteLine("       BackupReconciler.Windows.Tests.exe lane wine [only TEXT] the Wine lane, judged by .ci/lanes.expected");
        Console.Error.WriteLine("       BackupReconciler.Windows.Tests.exe service MODE         be the test service (run | start-pending)");
        return 2;
    }
}
