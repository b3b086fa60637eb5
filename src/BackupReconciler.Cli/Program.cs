using System.Runtime.InteropServices;
using System.Text;
using BackupReconciler.Cli;

if (OperatingSystem.IsWindows())
{
    // The report uses ✓ and →; the Windows console's default code page would mangle them.
    Console.OutputEncoding = new UTF8Encoding(false);
    // DSC writes the instance JSON to standard input as UTF-8.
    Console.InputEncoding = new UTF8Encoding(false);
}

// A short run collects no garbage until it has allocated a fair amount (see ShortRun).
ShortRun.Begin();

// Ctrl+C and SIGTERM (a service stop, docker stop): a verb that only reads ends at once, wherever it is
// (even blocked on a file). A verb that changes the host finishes the resource in progress, writes its
// journal's end line as interrupted and exits; a second signal ends it at once (its journal then shows
// the run as interrupted while changing that resource, which is what happened).
using var stop = new CancellationTokenSource();
// Whether output goes to a terminal decides colour and progress; the reports never ask the console themselves.
var application = new CliApplication(Console.Out, Console.Error, TimeProvider.System, stop.Token)
{
    StandardInput = Console.In,
    Terminal = new BackupReconciler.Cli.Reports.ConsoleTraits(!Console.IsOutputRedirected, !Console.IsErrorRedirected, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))),
    EventLogWriter = OperatingSystem.IsWindows() ? new BackupReconciler.Windows.EventLog.WindowsEventLogWriter() : null,
    EventSources = OperatingSystem.IsWindows() ? new BackupReconciler.Windows.EventLog.EventSourceRegistration() : null,
};
void OnSignal(PosixSignalContext context)
{
    if (application.ChangesHost && !stop.IsCancellationRequested)
    {
        context.Cancel = true;
        Console.Error.WriteLine("info: stopping after the resource in progress (signal again to stop at once)");
        stop.Cancel();
        return;
    }

    // The shell's convention for a process ended by a signal: 128 + its number (130 for Ctrl+C, 143 for SIGTERM).
    Environment.Exit(128 + (context.Signal == PosixSignal.SIGINT ? 2 : 15));
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return application.Run(args);
