using BackupReconciler.Cli;

namespace BackupReconciler.Tests.Support;

/// <summary>The command line run in process, with a state directory of the test's own.</summary>
public static class CliRun
{
    public static (int Exit, string Out, string Err) Run(string stateDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System).Run([.. args, "--state-dir", stateDirectory]);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
