using BackupReconciler.Cli;
using BackupReconciler.Cli.Reports;
using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli.Reports;

public sealed class ProgressLineTests
{
    [Fact]
    public void OnATerminalItDrawsWhereTheRunIsAndErasesItselfBeforeTheReport()
    {
        var stderr = new StringWriter();
        using (var progress = new ProgressLine(stderr, stderrIsTerminal: true, TimeProvider.System))
        {
            progress.Report(new ResourceProgress(3, 12, "windows-server-backup", WhatIf: false));
            progress.Draw();
            Assert.EndsWith("\r\u001b[Kapplying 3/12: windows-server-backup…", stderr.ToString(), StringComparison.Ordinal);
        }

        Assert.EndsWith("\r\u001b[K", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenStandardErrorIsRedirectedNothingIsEverDrawn()
    {
        var stderr = new StringWriter();
        using (var progress = new ProgressLine(stderr, stderrIsTerminal: false, TimeProvider.System))
        {
            progress.Report(new ResourceProgress(1, 1, "r", WhatIf: true));
            progress.Draw();
            Assert.False(progress.Enabled);
        }

        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void ProgressNeverReachesTheReport()
    {
        using var folder = new TempFolder();
        File.Copy(Repository.File("samples/dpm-protected-server.drifted.json"), folder.Combine("s.json"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        new CliApplication(stdout, stderr, TimeProvider.System) { Terminal = new ConsoleTraits(true, true, false) }
            .Run(["plan", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", folder.Combine("s.json"), "--state-dir", folder.Combine("state")]);

        Assert.DoesNotContain('\r', stdout.ToString());
        Assert.DoesNotContain("reading ", stdout.ToString(), StringComparison.Ordinal);
    }
}
