using System.Diagnostics;

namespace BackupReconciler.Tests.Support;

/// <summary>Runs tools/schema-check/check.mjs (ajv) on files; the test, not the product, starts this process.</summary>
public static class SchemaValidator
{
    public static bool IsInstalled => Directory.Exists(Repository.File("tools/schema-check/node_modules/ajv"));

    /// <summary>The validator's exit code and its lines ("ok FILE" / "invalid FILE: reasons").</summary>
    public static (int Exit, string Output) Validate(string schema, IEnumerable<string> files) =>
        Run("tools/schema-check/check.mjs", [schema, .. files]);

    /// <summary>Another script of tools/schema-check (such as check-dsc.mjs) with its arguments.</summary>
    public static (int Exit, string Output) Run(string script, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.File(script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException("the schema validator did not finish within a minute");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
