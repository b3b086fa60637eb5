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
    public void NothingIsDrawnInTheFirstSecondThenEachResourceAsItStartsAtMostFourTimesASecond()
    {
        var clock = new ManualClock();
        var stderr = new StringWriter();
        using var progress = new ProgressLine(stderr, stderrIsTerminal: true, clock);

        progress.Report(new ResourceProgress(1, 4, "first", WhatIf: true));
        var inTheFirstSecond = stderr.ToString();
        clock.Advance(TimeSpan.FromMilliseconds(1100));
        progress.Report(new ResourceProgress(2, 4, "second", WhatIf: true));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Report(new ResourceProgress(3, 4, "third", WhatIf: true));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        progress.Report(new ResourceProgress(4, 4, "fourth", WhatIf: true));

        Assert.Equal("", inTheFirstSecond);
        Assert.Equal("\r\u001b[Kreading 2/4: second…\r\u001b[Kreading 4/4: fourth…", stderr.ToString());
    }

    [Fact]
    public void ProgressNeverReachesTheReport()
    {
        using var folder = new TempFolder();
        File.Copy(Repository.File("samples/dpm-protected-server.drifted.json"), folder.Combine("s.json"));
        var terminal = new Terminal();

        // No delay: the line is drawn as the first resource starts, so the run cannot finish before it appears.
        new CliApplication(terminal.Stdout, terminal.Stderr, TimeProvider.System) { Terminal = new ConsoleTraits(true, true, false), ProgressDelay = TimeSpan.Zero }
            .Run(["plan", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", folder.Combine("s.json"), "--state-dir", folder.Combine("state")]);

        var report = string.Concat(terminal.Writes.Where(w => w.Stream == "stdout").Select(w => w.Text));
        var beforeReport = string.Concat(terminal.Writes.TakeWhile(w => w.Stream == "stderr").Select(w => w.Text));
        var afterReport = string.Concat(terminal.Writes.SkipWhile(w => w.Stream == "stderr").Where(w => w.Stream == "stderr").Select(w => w.Text));
        Assert.Contains("\r\u001b[Kreading 1/", beforeReport, StringComparison.Ordinal);
        Assert.StartsWith("plan dpm-protected-server on ", report, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', report);
        Assert.DoesNotContain("reading ", report, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", beforeReport, StringComparison.Ordinal);
        Assert.Equal("", afterReport);
    }

    /// <summary>A clock that moves only when told; its timers never fire, so only <see cref="ProgressLine.Report"/> draws.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Idle();

        private sealed class Idle : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>Standard output and error as one terminal shows them: every write in the order it came, with the stream it came on.</summary>
    private sealed class Terminal
    {
        private readonly Lock _gate = new();

        public Terminal()
        {
            Stdout = new Stream(this, "stdout");
            Stderr = new Stream(this, "stderr");
        }

        public List<(string Stream, string Text)> Writes { get; } = [];

        public TextWriter Stdout { get; }

        public TextWriter Stderr { get; }

        private void Add(string stream, string text)
        {
            lock (_gate)
            {
                Writes.Add((stream, text));
            }
        }

        private sealed class Stream(Terminal terminal, string name) : TextWriter
        {
            public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

            public override void Write(char value) => terminal.Add(name, value.ToString());

            public override void Write(string? value) => terminal.Add(name, value ?? "");
        }
    }
}
