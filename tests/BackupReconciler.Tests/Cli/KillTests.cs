using System.Diagnostics;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

/// <summary>
/// A real backup-reconciler process killed while it deletes temp files (between the journal's
/// "before" and "after" lines for that resource): the next run and `runs` report it, a rerun
/// converges, and undo still takes back what the killed run had completed.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const int Files = 60_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    [Fact]
    public void ARunKilledMidChangeIsReportedThenConvergesAndItsCompletedPartCanBeUndone()
    {
        var temp = Directory.CreateDirectory(_folder.Combine("files/C/Windows/Temp")).FullName;
        for (var i = 0; i < Files; i++)
        {
            File.Create(Path.Combine(temp, $"f{i:x5}.tmp")).Dispose();
        }

        var snapshot = _folder.Write("s.json", """
            { "computerName": "H", "fileSystemRoot": "files", "registry": { "HKLM\\SOFTWARE\\X": { "V": { "kind": "dword", "data": 600 } } } }
            """);
        var baseline = _folder.Write("b.json", """
            { "name": "killed", "resources": [
                { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 7200 } } } },
                { "id": "temp", "type": "tempFiles", "dependsOn": ["timeouts"],
                  "properties": { "directory": "C:\\Windows\\Temp", "pattern": "*.tmp", "maxCount": 10, "minAge": "0s" } } ] }
            """);

        var killedRun = KillWhileChanging("temp", "apply", baseline, "--snapshot", snapshot, "--state-dir", State);

        var listing = CliRun.Run(State, "runs").Out;
        Assert.Contains($"{killedRun}", listing, StringComparison.Ordinal);
        Assert.Contains("INTERRUPTED while changing \"temp\"", listing, StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(temp).Length > 10, "the killed run finished its deletions; the kill came too late to test anything");

        var rerun = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot);
        Assert.Equal(0, rerun.Exit);
        Assert.Contains($"note: the previous run {killedRun} (apply killed,", rerun.Out, StringComparison.Ordinal);
        Assert.Contains("was interrupted while changing \"temp\"", rerun.Out, StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(temp).Length <= 10);

        var undo = JObject.Parse(CliRun.Run(State, "undo", killedRun, "--snapshot", snapshot, "--output", "json").Out);
        Assert.Equal("changed", (string)undo["resources"]!.Single(r => (string)r["id"]! == "undo-timeouts")["status"]!);
        Assert.Equal("notUndoable", (string)undo["resources"]!.Single(r => (string)r["id"]! == "undo-temp")["status"]!);
        Assert.Equal("deleted files cannot be brought back", (string)undo["resources"]!.Single(r => (string)r["id"]! == "undo-temp")["error"]!);
        Assert.Equal(600, (int)JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["V"]!["data"]!);
    }

    /// <summary>Starts the real executable and kills it as soon as its journal says it began changing <paramref name="resource"/>.</summary>
    private string KillWhileChanging(string resource, params string[] args)
    {
        using var process = Process.Start(Support.CliExecutable.StartInfo(args))!;
        var runs = Path.Combine(State, "runs");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Directory.Exists(runs) && Directory.GetFiles(runs, "*.jsonl").FirstOrDefault() is { } journal
                && ReadShared(journal).Contains($"\"event\":\"before\",\"resource\":\"{resource}\"", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return BackupReconciler.Engine.Journal.JournalFiles.RunIdOf(journal);
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException("the run ended before it began changing " + resource + ": " + process.StandardError.ReadToEnd());
            }

            Thread.Sleep(5);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the run never began changing " + resource);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
