using System.Globalization;
using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// Where a long run is, on one self-erasing line of standard error: shown only when standard error is a
/// terminal and only once the command has taken more than a second (a feature install, many SQL jobs,
/// a large folder), redrawn as resources go by and by a timer during a long one, at most a few times a
/// second, and erased before the report is written, so it never reaches the report, a file or a pipe.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    /// <summary>Work shorter than this shows no progress at all.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>How often the line is redrawn at most.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private const string EraseLine = "\r\u001b[K";

    private readonly TextWriter _stderr;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _delay;
    private readonly long _started;
    private long? _drawnAt;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private ResourceProgress? _current;
    private bool _ended;

    /// <param name="delay">How long the command runs before the line appears (<see cref="Delay"/>; zero in tests that need it drawn).</param>
    public ProgressLine(TextWriter stderr, bool stderrIsTerminal, TimeProvider clock, TimeSpan? delay = null)
    {
        _stderr = stderr;
        _clock = clock;
        _delay = delay ?? Delay;
        _started = clock.GetTimestamp();
        _timer = stderrIsTerminal ? clock.CreateTimer(_ => Draw(), null, _delay, Every) : null;
    }

    /// <summary>Whether anything will ever be drawn (standard error is a terminal).</summary>
    public bool Enabled => _timer is not null;

    public void Report(ResourceProgress progress)
    {
        bool due;
        lock (_gate)
        {
            _current = progress;

            // The next resource is shown as it starts, not only on the timer's next tick.
            due = _timer is not null && _clock.GetElapsedTime(_started) >= _delay && (_drawnAt is not { } drawn || _clock.GetElapsedTime(drawn) >= Every);
        }

        if (due)
        {
            Draw();
        }
    }

    /// <summary>Draws the current position; the timer calls it once the delay has passed.</summary>
    public void Draw()
    {
        lock (_gate)
        {
            if (_ended || _timer is null || _current is not { } at)
            {
                return;
            }

            _stderr.Write(string.Create(CultureInfo.InvariantCulture, $"{EraseLine}{(at.WhatIf ? "reading" : "applying")} {at.Position}/{at.Total}: {at.Resource}…"));
            _stderr.Flush();
            _drawnAt = _clock.GetTimestamp();
        }
    }

    /// <summary>Stops drawing and erases the line, before the report is written.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_drawnAt is not null && !_ended)
            {
                _stderr.Write(EraseLine);
                _stderr.Flush();
            }

            _ended = true;
        }
    }
}
