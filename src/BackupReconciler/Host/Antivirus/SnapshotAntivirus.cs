using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Antivirus;

/// <summary>
/// The snapshot's <c>antivirus</c> section: Defender's <c>exclusionPaths</c>, <c>exclusionProcesses</c>
/// and <c>exclusionExtensions</c>. Adding behaves as Defender's Add: an entry already listed
/// (ignoring case) is not listed twice, and nothing is ever removed.
/// </summary>
public sealed class SnapshotAntivirus : IAntivirus, ISnapshotSection
{
    private const string FaultTarget = "antivirus";

    private readonly List<string> _paths = [];
    private readonly List<string> _processes = [];
    private readonly List<string> _extensions = [];
    private readonly FaultInjector _faults;

    public SnapshotAntivirus(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "antivirus";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        var reader = JsonObjectReader.ForObject(section, file, "the \"antivirus\" section");
        _paths.AddRange(reader.OptionalStringList("exclusionPaths") ?? []);
        _processes.AddRange(reader.OptionalStringList("exclusionProcesses") ?? []);
        _extensions.AddRange(reader.OptionalStringList("exclusionExtensions") ?? []);
        reader.RejectUnknownMembers();
    }

    public JToken Save() => new JObject
    {
        ["exclusionPaths"] = new JArray(_paths.Cast<object>().ToArray()),
        ["exclusionProcesses"] = new JArray(_processes.Cast<object>().ToArray()),
        ["exclusionExtensions"] = new JArray(_extensions.Cast<object>().ToArray()),
    };

    public AntivirusExclusions Read()
    {
        _faults.Check(FaultOperation.Read, FaultTarget);
        return new AntivirusExclusions([.. _paths], [.. _processes], [.. _extensions]);
    }

    public void Add(AntivirusExclusions additions)
    {
        _faults.Check(FaultOperation.Set, FaultTarget);
        AddTo(_paths, additions.Paths);
        AddTo(_processes, additions.Processes);
        AddTo(_extensions, additions.Extensions);
    }

    private void AddTo(List<string> list, IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            if (!list.Contains(entry, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(entry);
                Changed = true;
            }
        }
    }
}
