using System.Text;
using BackupReconciler.Cli;

if (OperatingSystem.IsWindows())
{
    // The report uses ✓ and →; the Windows console's default code page would mangle them.
    Console.OutputEncoding = new UTF8Encoding(false);
}

return new CliApplication(Console.Out, Console.Error, TimeProvider.System).Run(args);
