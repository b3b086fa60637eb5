using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine;

/// <summary>
/// One applying run at a time per host and state directory. The lock is an open file held
/// exclusively, so the operating system releases it when the holder dies however it dies; a note
/// beside it says who holds it, for the message a waiting run prints, and tells the next holder
/// that it took over from a run that never finished.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _ownerPath;

    private RunLock(FileStream handle, string ownerPath, string? takenOverFrom)
    {
        _handle = handle;
        _ownerPath = ownerPath;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>The holder whose lock was left behind by a process that is gone, or null.</summary>
    public string? TakenOverFrom { get; }

    public static RunLock Acquire(string stateDirectory, string host, string command, TimeSpan timeout, TimeProvider clock)
    {
        var folder = Path.Combine(stateDirectory, "locks");
        Directory.CreateDirectory(folder);
        var name = string.Concat(host.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var lockPath = Path.Combine(folder, name + ".lock");
        var ownerPath = Path.Combine(folder, name + ".owner.json");
        var started = clock.GetTimestamp();
        while (true)
        {
            try
            {
                var handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                var previous = File.Exists(ownerPath) ? Describe(ownerPath) : null;
                File.WriteAllText(ownerPath, new JObject
                {
                    ["processId"] = Environment.ProcessId,
                    ["startedAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["command"] = command,
                }.ToString(Formatting.None));
                return new RunLock(handle, ownerPath, previous);
            }
            catch (IOException) when (clock.GetElapsedTime(started) < timeout)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
            catch (IOException)
            {
                var holder = File.Exists(ownerPath) ? Describe(ownerPath) : "another process";
                throw new InputException(null,
                    $"another run is changing {host}: {holder} holds the lock in {folder}; wait for it to finish, or pass --lock-timeout to wait longer.");
            }
        }
    }

    private static string Describe(string ownerPath)
    {
        try
        {
            var owner = JsonLine.Parse(File.ReadAllText(ownerPath));
            return $"process {owner["processId"]} ({owner["command"]}, started {owner["startedAt"]})";
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return "an unknown process";
        }
    }

    public void Dispose()
    {
        File.Delete(_ownerPath);
        _handle.Dispose();
    }
}
