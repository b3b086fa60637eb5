using BackupReconciler.Host;
using BackupReconciler.Host.Files;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Input;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// A host held in a snapshot file (DESIGN §5), with Windows semantics. Apply changes it in memory;
/// <see cref="Save"/> writes it back atomically, keeping every section it does not manage as it was.
/// </summary>
public sealed class SnapshotHost : PortedHost
{
    /// <summary>
    /// A captured DPM server with thousands of jobs and rules is a few megabytes; this leaves ten times that.
    /// Worst case in memory (one giant string, or <see cref="JsonFileReader.MaxTokens"/> empty arrays): the
    /// bytes, their UTF-16 text and the tree, under 1 GB, so a 2 GB VM reads any snapshot or refuses it.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Sections of the format that this build keeps as they are without interpreting them.</summary>
    private static readonly string[] KeptSections =
        ["fileSystemRoot"];

    /// <summary>
    /// The document written back: the file as read, parsed again from its bytes only when something is
    /// written (a plan never writes; keeping the tree alive for the whole run made every collection of a
    /// DPM server's plan copy it), with each changed section replaced; a capture's host starts from its header.
    /// </summary>
    private JObject? _document;

    /// <summary>SHA-256 of the file as this host last read or wrote it: anything else there now was written by someone else.</summary>
    private byte[]? _known;

    /// <summary>
    /// The bytes as read, until the first write-back needs their document and hash: a verb that never writes
    /// (plan, test, get) then never loads the platform's cryptography library, which costs more start-up than
    /// reading the file.
    /// </summary>
    private byte[]? _readBytes;

    /// <summary>Set once a write-back found the file changed underneath: no later change of this run is written either.</summary>
    private string? _conflict;

    /// <summary>One per technology that keeps a section (<see cref="HostTechnologies"/>), in the file's order.</summary>
    private readonly IReadOnlyList<ISnapshotSection> _sections;

    private SnapshotHost(string path, JObject? document, string computerName, IReadOnlyDictionary<string, string> facts, SnapshotParts parts)
        : base(computerName, facts, parts.Ports)
    {
        Path = path;
        _document = document;
        _sections = parts.Sections;
        TaskRegistration = parts.Made<IScheduledTasks, SnapshotScheduledTasks>();
    }

    public string Path { get; }

    /// <summary>The task <c>schedule install</c> registers, kept in the <c>scheduledTasks</c> section beside the others.</summary>
    public IScheduledTaskRegistration TaskRegistration { get; }

    /// <summary>Whether anything was changed since the file was loaded.</summary>
    public bool HasChanges => _sections.Any(s => s.Changed);

    public static SnapshotHost Load(string path) => Load(path, TimeProvider.System);

    /// <summary>
    /// Loads the snapshot at <paramref name="path"/>. <paramref name="clock"/> is the host's "now": for the
    /// ages of the real files under fileSystemRoot, and for event windows when the snapshot has no <c>capturedAt</c>.
    /// </summary>
    public static SnapshotHost Load(string path, TimeProvider clock)
    {
        var reader = JsonObjectReader.ForObject(JsonFileReader.ReadTree(path, MaxFileBytes, out var bytes), path, "the snapshot");
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
        var files = SnapshotFileSystem.Load(reader.Optional("fileSystemRoot"), path, faults, clock);
        var parts = new SnapshotParts(faults, clock, capturedAt, computerName, files).MakeAll();
        var host = new SnapshotHost(path, null, computerName, facts, parts);
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
        host._readBytes = bytes;
        return host;
    }

    private static Dictionary<string, string> ReadFacts(JsonObjectReader reader, string computerName)
    {
        var facts = HostFacts.Typical();
        if (reader.OptionalObject("facts", "\"facts\"") is { } section)
        {
            foreach (var property in section.Json.Members)
            {
                facts[property.Name] = section.AsString(property.Value, property.Name);
                section.Optional(property.Name);
            }
        }

        facts["ComputerName"] = computerName;
        return facts;
    }

    /// <summary>
    /// The whole document with every managed section written out in the host's own form (defaults made
    /// explicit): two snapshots that stand for the same host state have equal canonical forms.
    /// </summary>
    public JObject Canonical()
    {
        var copy = (JObject)Document().DeepClone();
        foreach (var section in _sections)
        {
            copy[section.Name] = section.Save();
        }

        return copy;
    }

    /// <summary>Writes the changed state back atomically (see <see cref="AtomicFile"/>); unchanged, the file is not touched.</summary>
    public void Save() => Commit();

    /// <summary>
    /// Writes the state back atomically after each resource's change (IHost.Commit), unless it equals what
    /// the file holds. Refuses to write over a file that changed since this host read or last wrote it
    /// (another run with another state directory, an editor): their change is kept, this one is not written.
    /// </summary>
    public override void Commit()
    {
        if (_conflict is not null)
        {
            throw new HostOperationException(_conflict);
        }

        if (!HasChanges)
        {
            return;
        }

        var document = Document();
        foreach (var section in _sections.Where(s => s.Changed))
        {
            document[section.Name] = section.Save();
        }

        var content = new MemoryStream();
        using (var writer = new StreamWriter(content, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            Write(document, writer);
        }

        var bytes = content.ToArray();
        var hash = System.Security.Cryptography.SHA256.HashData(bytes);
        var known = Known();
        if (hash.AsSpan().SequenceEqual(known))
        {
            return;
        }

        if (!OnDisk().AsSpan().SequenceEqual(known))
        {
            _conflict = $"the snapshot {Path} was changed by someone else since this run read it (another run with another state directory, or an editor), so this change was not written back and theirs was kept; run again to work from what the file holds now.";
            throw new HostOperationException(_conflict);
        }

        AtomicFile.Write(Path, stream => stream.Write(bytes));
        _known = hash;
    }

    /// <summary>The hash of the file as read, made on first need; a host not read from a file (a capture's) has none.</summary>
    private byte[] Known()
    {
        if (_known is null)
        {
            _known = _readBytes is null ? [] : System.Security.Cryptography.SHA256.HashData(_readBytes);
            _readBytes = null;
        }

        return _known;
    }

    /// <summary>
    /// An empty host for a capture to record into (<see cref="Capture.RecordingHost"/>): its sections hold
    /// what was read, and <see cref="WriteCapture"/> writes them as this host writes its files.
    /// </summary>
    public static SnapshotHost ForCapture(string computerName, IReadOnlyDictionary<string, string> facts, DateTimeOffset capturedAt)
    {
        var header = new JObject
        {
            ["snapshotVersion"] = 1,
            ["computerName"] = computerName,
            ["capturedAt"] = UtcTime.ToText(capturedAt),
            ["facts"] = new JObject(facts
                .Where(f => !f.Key.Equals("ComputerName", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new JProperty(f.Key, f.Value))),
        };
        var faults = FaultInjector.Load(null, "");
        var files = new SnapshotFileSystem(null, faults, TimeProvider.System);
        var parts = new SnapshotParts(faults, TimeProvider.System, capturedAt, computerName, files).MakeAll();
        return new SnapshotHost("", header, computerName, facts, parts);
    }

    /// <summary>
    /// The snapshot of what a capture recorded (DESIGN §5): each section in which something of its kind was
    /// read, sorted, so two captures of the same state are the same file.
    /// </summary>
    public JObject CaptureDocument()
    {
        var document = (JObject)Document().DeepClone();
        foreach (var section in _sections)
        {
            if (section.SaveRecorded() is { } recorded)
            {
                document[section.Name] = recorded;
            }
        }

        return document;
    }

    private JObject Document() =>
        _document ??= (JObject)JsonFileReader.ParseTree(Path, JsonFileReader.Decode(Path, _readBytes!)).ToToken();

    /// <summary>Writes <see cref="CaptureDocument"/> as snapshot files are written.</summary>
    public void WriteCapture(TextWriter writer) => Write(CaptureDocument(), writer);

    /// <summary>A snapshot as files hold it: UTF-8 without BOM (the writer's), indented by two, a final newline.</summary>
    private static void Write(JObject document, TextWriter writer)
    {
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        document.WriteTo(json);
        json.Flush();
        writer.Write('\n');
    }

    private byte[] OnDisk()
    {
        try
        {
            return System.Security.Cryptography.SHA256.HashData(InputFile.ReadBounded(Path, MaxFileBytes));
        }
        catch (InputException e)
        {
            throw new HostOperationException($"the snapshot {Path} cannot be read back before writing it ({e.Problem})");
        }
    }
}
