using System.Diagnostics;
using BackupReconciler.Cli;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli;

public sealed class WatchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Baseline() => _folder.Write("b.json", """
        { "name": "watched", "resources": [ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 2 } } } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "V": { "kind": "dword", "data": 1 } } } }""");

    private (int Exit, string Out, string Err) Watch(CancellationToken stop, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System, stop).Run(["watch", .. args, "--state-dir", _folder.Combine("state")]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void EachRunAppliesAndLogsItsSummaryAndTheSecondFindsNothingToDo()
    {
        var (exit, output, _) = Watch(CancellationToken.None, Baseline(), "--snapshot", Snapshot(), "--interval", "1s", "--runs", "2");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  watched: changes made · 1 resources: 0 compliant, 0 drifted, 1 changed, .* · run \S+$", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  watched: no changes, in the desired state · 1 resources: 1 compliant, 0 drifted, 0 changed, .* · run \S+$", lines[1]);
        Assert.Equal(2, Directory.GetFiles(_folder.Combine("state/runs")).Length);
    }

    [Fact]
    public void WhatIfWatchingChangesNothing()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);

        var (_, output, _) = Watch(CancellationToken.None, Baseline(), "--snapshot", snapshot, "--interval", "1s", "--runs", "2", "--what-if");

        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("watched: drift found (what-if: nothing changed) · 1 resources: 0 compliant, 1 drifted", StringComparison.Ordinal)));
        // A what-if run is not journaled: its line must not offer its id as a run that runs lists or undo takes.
        Assert.DoesNotContain(" · run ", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void StoppingEndsTheWatchAfterTheCurrentRunWithoutWaitingForTheInterval()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        var (exit, output, _) = Watch(stop.Token, Baseline(), "--snapshot", Snapshot(), "--interval", "1h");

        Assert.Equal(0, exit);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), "the watch waited for its interval instead of stopping");
    }

    [Fact]
    public void WatchNeedsAnInterval()
    {
        var run = CliRun.Run(_folder.Combine("state"), "watch", Baseline(), "--snapshot", Snapshot());

        Assert.Equal(1, run.Exit);
        Assert.Equal("error: watch needs --interval, such as --interval 30m.", run.Err.Trim());
    }
}
