using System.Diagnostics;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// How the process-level tests start the CLI: <c>dotnet backup-reconciler.dll</c> from the tests' own output, or,
/// when BR_CLI_EXE names an executable, that one — tools/aot-check.sh points it at the Native AOT build so that
/// the same tests prove the artifact an administrator copies.
/// </summary>
internal static class CliExecutable
{
    public static string? Override => Environment.GetEnvironmentVariable("BR_CLI_EXE") is { Length: > 0 } path ? path : null;

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Override ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Override is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "backup-reconciler.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
