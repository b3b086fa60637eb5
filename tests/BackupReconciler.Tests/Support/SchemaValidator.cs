using System.Diagnostics;

namespace BackupReconciler.Tests.Support;

/// <summary>Runs tools/schema-check/check.mjs (ajv) on files; the test, not the product, starts this process.</summary>
public static class SchemaValidator
{
    public static bool IsInstalled => Directory.Exists(Repository.File("tools/schema-check/node_modules/ajv"));

    /// <summary>The validator's exit code and its lines ("ok FILE" / "invalid FILE: reasons").</summary>
    public static (int Exit, string Output) Validate(string schema, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.File("tools/schema-check/check.mjs"));
        start.ArgumentList.Add(schema);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
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
