using System.Text;
using BackupReconciler.Cli;

if (OperatingSystem.IsWindows())
{
    // The report uses ✓ and →; the Windows console's default code page would mangle them.
    Console.OutputEncoding = new UTF8Encoding(false);
    // DSC writes the instance JSON to standard input as UTF-8.
    Console.InputEncoding = new UTF8Encoding(false);
}

// Ctrl+C and a service stop (SIGTERM) end a watch after its current run; a run is never cut in half.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return new CliApplication(Console.Out, Console.Error, TimeProvider.System, stop.Token) { StandardInput = Console.In }.Run(args);
