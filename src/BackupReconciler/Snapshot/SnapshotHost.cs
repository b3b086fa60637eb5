using BackupReconciler.Host;
using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// A host held in a snapshot file (DESIGN §5), with Windows semantics. Apply changes it in memory;
/// <see cref="Save"/> writes it back atomically, keeping every section it does not manage as it was.
/// </summary>
public sealed class SnapshotHost : IHost
{
    /// <summary>A captured DPM server with thousands of jobs and rules is a few megabytes; this leaves room.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Sections of the format that this build keeps as they are without interpreting them.</summary>
    private static readonly string[] KeptSections =
        ["firewallRules", "volumes", "shadowStorage", "antivirus", "sqlInstances", "fileSystemRoot", "fileAccess"];

    private readonly JObject _document;
    private readonly IReadOnlyList<ISnapshotSection> _sections;

    private SnapshotHost(string path, JObject document, string computerName, IReadOnlyDictionary<string, string> facts, FaultInjector faults, DateTimeOffset? capturedAt, TimeProvider clock)
    {
        Path = path;
        _document = document;
        ComputerName = computerName;
        Facts = facts;
        var registry = new SnapshotRegistry(faults);
        var services = new SnapshotServices(faults);
        var scheduledTasks = new SnapshotScheduledTasks(faults);
        var features = new SnapshotFeatures(faults);
        var userRights = new SnapshotUserRights(faults);
        var eventLog = new SnapshotEventLog(faults, capturedAt, clock);
        Registry = registry;
        Services = services;
        ScheduledTasks = scheduledTasks;
        Features = features;
        UserRights = userRights;
        EventLog = eventLog;
        _sections = [registry, services, scheduledTasks, features, userRights, eventLog];
    }

    public string Path { get; }

    public string ComputerName { get; }

    public IReadOnlyDictionary<string, string> Facts { get; }

    public IRegistry Registry { get; }

    public IServiceControl Services { get; }

    public IScheduledTasks ScheduledTasks { get; }

    public IFeatures Features { get; }

    public IUserRights UserRights { get; }

    public IEventLog EventLog { get; }

    /// <summary>Whether anything was changed since the file was loaded.</summary>
    public bool HasChanges => _sections.Any(s => s.Changed);

    public static SnapshotHost Load(string path) => Load(path, TimeProvider.System);

    /// <summary>Loads the snapshot at <paramref name="path"/>; <paramref name="clock"/> is "now" when it has no <c>capturedAt</c>.</summary>
    public static SnapshotHost Load(string path, TimeProvider clock)
    {
        var reader = JsonObjectReader.ForObject(JsonFileReader.Read(path, MaxFileBytes), path, "the snapshot");
        var version = reader.Optional("snapshotVersion");
        if (version is not null && version.ToString() != "1")
        {
            throw reader.Error(version, $"snapshotVersion {version} is not supported; this build reads version 1.");
        }

        var computerName = reader.RequiredString("computerName");
        var facts = ReadFacts(reader, computerName);
        var faults = FaultInjector.Load(reader.Optional("faults"), path);
        var capturedAt = SnapshotTime.ReadOptional(reader, "capturedAt");
        reader.Optional("$schema");
        var host = new SnapshotHost(path, reader.Json, computerName, facts, faults, capturedAt, clock);
        foreach (var section in host._sections)
        {
            if (reader.Optional(section.Name) is { } token)
            {
                section.Load(token, path);
            }
        }

        foreach (var kept in KeptSections)
        {
            reader.Optional(kept);
        }

        reader.RejectUnknownMembers();
        return host;
    }

    private static Dictionary<string, string> ReadFacts(JsonObjectReader reader, string computerName)
    {
        var facts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SystemDrive"] = "C:",
            ["SystemRoot"] = @"C:\Windows",
            ["ProgramFiles"] = @"C:\Program Files",
            ["ProgramData"] = @"C:\ProgramData",
        };
        if (reader.OptionalObject("facts", "\"facts\"") is { } section)
        {
            foreach (var property in section.Json.Properties())
            {
                facts[property.Name] = section.AsString(property.Value, property.Name);
                section.Optional(property.Name);
            }
        }

        facts["ComputerName"] = computerName;
        return facts;
    }

    /// <summary>Writes the changed state back atomically (see <see cref="AtomicFile"/>); unchanged, the file is not touched.</summary>
    public void Save()
    {
        if (!HasChanges)
        {
            return;
        }

        foreach (var section in _sections.Where(s => s.Changed))
        {
            _document[section.Name] = section.Save();
        }

        AtomicFile.Write(Path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2 };
            _document.WriteTo(json);
            json.Flush();
            writer.Write('\n');
        });
    }
}
