using System.Runtime.InteropServices;
using BackupReconciler.Windows.Services;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// This program as a real Windows service, for the tests to start and stop:
/// "run" reports running until told to stop (and gives up after five minutes, so a crashed test run
/// leaves nothing running for long); "start-pending" stays start pending for six seconds, then stops,
/// so the adapter's bounded wait can be seen to give up.
/// </summary>
internal static unsafe class TestServiceHost
{
    public const string Running = "run";
    public const string StartPending = "start-pending";

    private static readonly ManualResetEventSlim Stopping = new();
    private static IntPtr _status;
    private static string _mode = Running;

    /// <summary>The command line that makes the Service Control Manager start this program as the test service.</summary>
    public static string CommandLine(string mode)
    {
        const string exe = "BackupReconciler.Windows.Tests.exe";
        var path = Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(exe, StringComparison.OrdinalIgnoreCase)
            ? self
            : Path.Combine(AppContext.BaseDirectory, exe);
        return $"\"{path}\" service {mode}";
    }

    public static int Run(string mode)
    {
        _mode = mode;
        var name = Marshal.StringToHGlobalUni("");
        var table = stackalloc TestAdvapi32.ServiceTableEntry[2];
        table[0] = new TestAdvapi32.ServiceTableEntry { ServiceName = (char*)name, ServiceProc = &ServiceMain };
        table[1] = default;

        // Returns when the service has stopped.
        return TestAdvapi32.StartServiceCtrlDispatcher(table) ? 0 : Marshal.GetLastPInvokeError();
    }

    [UnmanagedCallersOnly]
    private static void ServiceMain(uint argumentCount, char** arguments)
    {
        _status = TestAdvapi32.RegisterServiceCtrlHandlerEx(arguments[0], &Handle, null);
        if (_mode == StartPending)
        {
            Report(Advapi32.ServiceStartPending, 0, waitHint: 30_000);
            Thread.Sleep(TimeSpan.FromSeconds(6));
            Report(Advapi32.ServiceStopped, 0);
            return;
        }

        Report(Advapi32.ServiceRunning, TestAdvapi32.ServiceAcceptStop);
        Stopping.Wait(TimeSpan.FromMinutes(5));
        Report(Advapi32.ServiceStopped, 0);
    }

    [UnmanagedCallersOnly]
    private static uint Handle(uint control, uint eventType, void* eventData, void* context)
    {
        switch (control)
        {
            case TestAdvapi32.ServiceControlStop:
                Report(Advapi32.ServiceStopPending, 0, waitHint: 5_000);
                Stopping.Set();
                return 0;
            case TestAdvapi32.ServiceControlInterrogate:
                return 0;
            default:
                return TestAdvapi32.ErrorCallNotImplemented;
        }
    }

    private static void Report(uint state, uint accepted, uint waitHint = 0)
    {
        var status = new Advapi32.ServiceStatus
        {
            ServiceType = TestAdvapi32.ServiceWin32OwnProcess,
            CurrentState = state,
            ControlsAccepted = accepted,
            WaitHint = waitHint,
        };
        TestAdvapi32.SetServiceStatus(_status, &status);
    }
}
