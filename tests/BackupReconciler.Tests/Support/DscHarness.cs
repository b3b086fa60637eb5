using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// Runs the built backup-reconciler the way DSC v3 runs a command resource from its manifest: the
/// operation's executable and args (a jsonInputArg object becomes that argument followed by the
/// instance JSON), the instance on standard input when input is stdin, and standard output parsed as
/// the operation's return kind (state: one JSON line; stateAndDiff: the state line, then a JSON array).
/// The test, not the product, starts this process.
/// </summary>
public sealed class DscHarness(string manifestPath, string stateHome)
{
    public JObject Manifest { get; } = JObject.Parse(File.ReadAllText(manifestPath));

    public string ManifestPath => manifestPath;

    /// <summary>The built executable: beside the manifest, where DSC would find both.</summary>
    public static string Executable(string folder) => Path.Combine(folder, OperatingSystem.IsWindows() ? "backup-reconciler.exe" : "backup-reconciler");

    public DscResult Invoke(string operation, JObject instance, string workingDirectory)
    {
        var definition = (JObject)Manifest[operation]!;
        var start = new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(manifestPath)!, (string)definition["executable"]! + (OperatingSystem.IsWindows() ? ".exe" : "")))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // The journal, lock and logs of this run stay in the test's own folder.
        start.Environment["XDG_STATE_HOME"] = stateHome;
        var json = instance.ToString(Newtonsoft.Json.Formatting.None);
        foreach (var arg in (JArray?)definition["args"] ?? [])
        {
            if (arg is JObject { } inputArg)
            {
                start.ArgumentList.Add((string)inputArg["jsonInputArg"]!);
                start.ArgumentList.Add(json);
            }
            else
            {
                start.ArgumentList.Add((string)arg!);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if ((string?)definition["input"] == "stdin")
        {
            process.StandardInput.Write(json);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"dsc {operation} did not finish within a minute");
        }

        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var returns = (string?)definition["return"] ?? "state";
        return new DscResult(process.ExitCode, lines, error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries), returns);
    }
}

/// <summary>What one operation gave: exit code, stdout lines, stderr trace lines, and the return kind its manifest declares.</summary>
public sealed record DscResult(int Exit, IReadOnlyList<string> Output, IReadOnlyList<string> Trace, string Returns)
{
    /// <summary>The state line, parsed as DSC parses it; fails the test if stdout is not exactly what the return kind promises.</summary>
    public JObject State
    {
        get
        {
            Assert.Equal(Returns == "stateAndDiff" ? 2 : 1, Output.Count);
            return JObject.Parse(Output[0]);
        }
    }

    public IReadOnlyList<string> Diff
    {
        get
        {
            Assert.Equal("stateAndDiff", Returns);
            Assert.Equal(2, Output.Count);
            return JArray.Parse(Output[1]).Select(t => (string)t!).ToList();
        }
    }
}
