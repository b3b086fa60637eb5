using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests;

/// <summary>
/// The entry point when this assembly runs as a program rather than under a test host:
/// "service MODE" is the test service the Service Control Manager starts; no argument runs the lane.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["service", var mode] => TestServiceHost.Run(mode),
        [] => LaneRunner.Run(typeof(Program).Assembly, Console.Out, Label),
        ["only", var filter] => LaneRunner.Run(typeof(Program).Assembly, Console.Out, Label, filter),
        _ => Usage(),
    };

    private static string Label => LiveWindows.IsWine ? "wine" : "windows";

    private static int Usage()
    {
        Console.Error.WriteLine("usage: BackupReconciler.Windows.Tests.exe            run every test (the Wine lane)");
        Console.Error.WriteLine("       BackupReconciler.Windows.Tests.exe only TEXT     run the tests whose Class.Method contains TEXT");
        Console.Error.WriteLine("       BackupReconciler.Windows.Tests.exe service MODE  be the test service (run | start-pending)");
        return 2;
    }
}
