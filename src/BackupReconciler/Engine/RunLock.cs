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
        var name = FileName(host);
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
            catch (IOException e) when (IsHeld(e) && clock.GetElapsedTime(started) < timeout)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
            catch (Exception e) when (e is UnauthorizedAccessException || (e is IOException io && !IsHeld(io)))
            {
                // Not another run: the folder itself is unusable. Saying "held by" here would name a holder that does not exist.
                throw new InputException(null, $"cannot take the lock in {folder} ({e.Message}); pass --state-dir to a writable folder.");
            }
            catch (IOException)
            {
                var holder = File.Exists(ownerPath) ? Describe(ownerPath) : "another process";
                throw new InputException(null,
                    $"another run is changing {host}: {holder} holds the lock in {folder}; wait for it to finish, or pass --lock-timeout to wait longer.");
            }
        }
    }

    /// <summary>
    /// The lock's file name for a host: its letters (upper-cased: host names ignore case, and a Linux file system
    /// does not, so "DPM01" and "dpm01" once took two locks and could change one host at once) and digits, and for a name too long for a file name
    /// (a computer name is up to 255 characters in a snapshot) a prefix and a hash of the whole name, so that
    /// two long names never share a lock and no name fails to make one.
    /// </summary>
    public static string FileName(string host)
    {
        var name = string.Concat(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToUpperInvariant(c) : '_'));
        if (name.Length <= 64)
        {
            return name;
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(host.ToUpperInvariant()));
        return name[..48] + "-" + Convert.ToHexString(hash)[..15].ToLowerInvariant();
    }

    /// <summary>Whether opening the lock failed because another process holds it (not because the folder is unusable).</summary>
    private static bool IsHeld(IOException e) =>
        (e.HResult & 0xFFFF) is 32 or 33 // Windows: sharing or lock violation
        || e.HResult is 11 or 35;        // Unix: EWOULDBLOCK from the exclusive lock (Linux 11, macOS 35)

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
