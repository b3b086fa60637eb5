using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Antivirus;

/// <summary>
/// The snapshot's <c>antivirus</c> section: Defender's <c>exclusionPaths</c>, <c>exclusionProcesses</c>
/// and <c>exclusionExtensions</c>. Adding behaves as Defender's Add: an entry already listed
/// (ignoring case) is not listed twice, and nothing is ever removed.
/// </summary>
public sealed class SnapshotAntivirus(FaultInjector faults) : SnapshotSection("antivirus", faults, Faults), IAntivirus
{
    public static readonly FaultKind Faults = FaultKind.WholeList("antivirus", 10);

    private readonly List<string> _paths = [];
    private readonly List<string> _processes = [];
    private readonly List<string> _extensions = [];

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        _paths.AddRange(reader.OptionalStringList("exclusionPaths") ?? []);
        _processes.AddRange(reader.OptionalStringList("exclusionProcesses") ?? []);
        _extensions.AddRange(reader.OptionalStringList("exclusionExtensions") ?? []);
        reader.RejectUnknownMembers();
    }

    /// <summary>The lists as Defender gives them, in either case.</summary>
    protected override JToken Write(bool sorted) => new JObject
    {
        ["exclusionPaths"] = Strings(_paths),
        ["exclusionProcesses"] = Strings(_processes),
        ["exclusionExtensions"] = Strings(_extensions),
    };

    /// <summary>Records the lists a capture read, in place of any recorded before.</summary>
    internal void RecordExclusions(AntivirusExclusions exclusions)
    {
        _paths.Clear();
        _paths.AddRange(exclusions.Paths);
        _processes.Clear();
        _processes.AddRange(exclusions.Processes);
        _extensions.Clear();
        _extensions.AddRange(exclusions.Extensions);
        MarkRecorded();
    }

    public AntivirusExclusions Read()
    {
        CheckRead();
        return new AntivirusExclusions([.. _paths], [.. _processes], [.. _extensions]);
    }

    public void Add(AntivirusExclusions additions)
    {
        CheckSet();
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
                MarkChanged();
            }
        }
    }
}
