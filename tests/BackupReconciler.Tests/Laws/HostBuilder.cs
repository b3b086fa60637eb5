using System.Text;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Laws;

/// <summary>
/// A snapshot host under construction: the sections the generated resources add to, and the real
/// files that go under <c>fileSystemRoot</c> (each with its age against <see cref="LawClock.Now"/>).
/// </summary>
public sealed class HostBuilder
{
    private readonly JObject _snapshot = new() { ["computerName"] = LawClock.ComputerName };
    private readonly Dictionary<string, HostFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _folders = new(StringComparer.OrdinalIgnoreCase);

    public const string FilesFolder = "files";

    /// <summary>An object section (registry, services, ...), created empty on first use.</summary>
    public JObject Section(string name) => (JObject)(_snapshot[name] ??= new JObject());

    /// <summary>An array section (firewallRules, shadowStorage, events, faults).</summary>
    public JArray List(string name) => (JArray)(_snapshot[name] ??= new JArray());

    /// <summary>One of the antivirus section's three lists.</summary>
    public JArray Antivirus(string list) => (JArray)(Section("antivirus")[list] ??= new JArray());

    /// <summary>The values of a registry key, by the spelling the snapshot lists it under (the first spelling wins).</summary>
    public JObject RegistryKey(string key)
    {
        var registry = Section("registry");
        var existing = registry.Properties().FirstOrDefault(p => Same(p.Name, key));
        return existing is not null ? (JObject)existing.Value : (JObject)(registry[key] = new JObject());
    }

    /// <summary>Adds a volume unless the host has it already (volumes are shared; the first description wins).</summary>
    public void Volume(string name, long sizeBytes, long freeBytes)
    {
        var volumes = Section("volumes");
        if (!volumes.Properties().Any(p => Same(p.Name, name)))
        {
            volumes[name] = new JObject { ["sizeBytes"] = sizeBytes, ["freeBytes"] = freeBytes };
        }
    }

    public void Set(string member, JToken value) => _snapshot[member] = value;

    public void File(string windowsPath, byte[] content, TimeSpan age = default, bool readOnly = false) =>
        _files[windowsPath] = new HostFile(windowsPath, content, age, readOnly);

    public void File(string windowsPath, string text) => File(windowsPath, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds text to a file several resources share (the hosts file); created on first use.</summary>
    public void Append(string windowsPath, string text)
    {
        var before = _files.TryGetValue(windowsPath, out var file) ? file.Content : [];
        _files[file?.WindowsPath ?? windowsPath] = new HostFile(file?.WindowsPath ?? windowsPath, [.. before, .. Encoding.Latin1.GetBytes(text)], default, false);
    }

    public void Folder(string windowsPath) => _folders.Add(windowsPath);

    public JObject Snapshot() => (JObject)_snapshot.DeepClone();

    /// <summary>Files as "path (bytes, age, read-only)" lines, for a counterexample's description.</summary>
    public IEnumerable<string> Describe() =>
        _folders.Order(StringComparer.Ordinal).Select(f => $"{f}\\ (folder)")
            .Concat(_files.Values.OrderBy(f => f.WindowsPath, StringComparer.Ordinal)
                .Select(f => $"{f.WindowsPath}: {Encoding.UTF8.GetString(f.Content).ReplaceLineEndings("⏎")} (age {f.Age}{(f.ReadOnly ? ", read-only" : "")})"));

    /// <summary>Writes the folders and files under <paramref name="root"/>: <c>C:\a\b</c> becomes <c>root/C/a/b</c>.</summary>
    public void WriteFiles(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "C"));
        foreach (var folder in _folders)
        {
            Directory.CreateDirectory(RealPath(root, folder));
        }

        foreach (var file in _files.Values)
        {
            var path = RealPath(root, file.WindowsPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, file.Content);
            System.IO.File.SetLastWriteTimeUtc(path, (LawClock.Now - file.Age).UtcDateTime);
            if (file.ReadOnly)
            {
                System.IO.File.SetAttributes(path, FileAttributes.ReadOnly);
            }
        }
    }

    /// <summary>
    /// The real path of a Windows path. A folder that exists already is reused in its spelling, whatever
    /// the case asked for: Windows has one folder per name, and a case-sensitive disk must not get two.
    /// </summary>
    private static string RealPath(string root, string windowsPath)
    {
        var current = Path.Combine(root, windowsPath[..1].ToUpperInvariant());
        foreach (var segment in windowsPath[3..].Split('\\', StringSplitOptions.RemoveEmptyEntries))
        {
            var existing = Directory.Exists(current)
                ? Directory.EnumerateFileSystemEntries(current).FirstOrDefault(e => Path.GetFileName(e).Equals(segment, StringComparison.OrdinalIgnoreCase))
                : null;
            current = existing ?? Path.Combine(current, segment);
        }

        return current;
    }

    private static bool Same(string a, string b) => a.TrimEnd('\\').Equals(b.TrimEnd('\\'), StringComparison.OrdinalIgnoreCase);

    private sealed record HostFile(string WindowsPath, byte[] Content, TimeSpan Age, bool ReadOnly);
}

/// <summary>The moment every generated host is observed at, and its name.</summary>
public static class LawClock
{
    public const string ComputerName = "HOST01";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
}
