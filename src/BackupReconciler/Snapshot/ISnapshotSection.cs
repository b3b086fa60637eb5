using BackupReconciler.Input.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>One top-level section of a snapshot file that the snapshot host understands and can write back.</summary>
public interface ISnapshotSection
{
    /// <summary>The member name in the snapshot file.</summary>
    string Name { get; }

    /// <summary>Whether an apply changed this section, so the file must be written back.</summary>
    bool Changed { get; }

    void Load(JsonItem section, string file);

    JToken Save();

    /// <summary>What a capture recorded into the section, sorted; null when nothing of its kind was read.</summary>
    JToken? SaveRecorded();
}
