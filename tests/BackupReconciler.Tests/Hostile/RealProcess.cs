using System.Diagnostics;

namespace BackupReconciler.Tests.Hostile;

/// <summary>The real backup-reconciler executable in a process of its own, for what only a process shows: kills and signals.</summary>
public sealed class RealProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _err;

    public RealProcess(params string[] args)
        : this(new Dictionary<string, string>(), args)
    {
    }

    /// <param name="environment">Variables set for the process only (DSC's resource finds its state directory through XDG_STATE_HOME).</param>
    public RealProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Support.CliExecutable.StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _out = _process.StandardOutput.ReadToEndAsync();
        _err = _process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until <paramref name="ready"/> holds, polling every millisecond; false when the process ended first.</summary>
    public bool WaitFor(Func<bool> ready, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (ready())
            {
                return true;
            }

            if (_process.HasExited)
            {
                return ready();
            }

            Thread.Sleep(1);
        }

        throw new TimeoutException("the process never reached the point to interrupt it at");
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends a POSIX signal by its number (2 SIGINT, 15 SIGTERM) through kill(1).</summary>
    public void Signal(int number)
    {
        using var kill = Process.Start("kill", $"-{number} {_process.Id}");
        kill.WaitForExit();
    }

    public (int Exit, string Out, string Err, TimeSpan Took) Wait(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.WaitForExit(within))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("the process did not end in " + within);
        }

        _process.WaitForExit();
        return (_process.ExitCode, _out.Result, _err.Result, clock.Elapsed);
    }

    /// <summary>A file another process is writing, read without disturbing it.</summary>
    public static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
