using System.Globalization;
using System.Runtime.ExceptionServices;
using BackupReconciler.Host;

namespace BackupReconciler.Windows;

/// <summary>
/// Bounds one host call in time (DESIGN §7: a hung registry or Service Control Manager call fails the
/// resource instead of hanging the run). The call runs on a pool thread; past the deadline the caller
/// gets a <see cref="HostOperationException"/> and the abandoned call finishes, or not, on its own —
/// the SafeHandles it uses stay valid until it returns.
/// </summary>
internal static class HostCall
{
    /// <summary>What a live adapter waits for one call unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static T Run<T>(string what, TimeSpan timeout, Func<T> call)
    {
        var task = Task.Run(call);
        try
        {
            if (!task.Wait(timeout))
            {
                throw new HostOperationException($"{what} did not finish within {Describe(timeout)}.");
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The call's own exception, with its own stack, not the task's wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return task.Result;
    }

    /// <summary>
    /// As <see cref="Run{T}"/>, and a failure names what was being done to which object ("reading
    /// HKLM\SOFTWARE\X: Access is denied. (5)"): Windows' error text alone does not say which key,
    /// service or rule it is about. The inner exception (the Win32 or COM error) is kept.
    /// </summary>
    public static T RunNamed<T>(string what, TimeSpan timeout, Func<T> call)
    {
        try
        {
            return Run(what, timeout, call);
        }
        catch (HostOperationException e) when (!e.Message.StartsWith(what, StringComparison.Ordinal))
        {
            throw e.InnerException is { } inner
                ? new HostOperationException($"{what}: {e.Message}", inner)
                : new HostOperationException($"{what}: {e.Message}");
        }
    }

    public static void RunNamed(string what, TimeSpan timeout, Action call) =>
        RunNamed(what, timeout, () =>
        {
            call();
            return true;
        });

    public static void Run(string what, TimeSpan timeout, Action call) =>
        Run(what, timeout, () =>
        {
            call();
            return true;
        });

    /// <summary>"30 s", "1.5 s", "250 ms": how long a timeout is, as reports say it.</summary>
    public static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1
            ? timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
