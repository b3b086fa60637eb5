using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// The plumbing every section shares: its name, whether an apply changed it, whether a capture recorded
/// into it, its fault checks, and one writer of its format (<see cref="Write"/>) for both the write-back
/// and the capture, so a section's format is written in one place.
/// </summary>
public abstract class SnapshotSection(string name, FaultInjector faults, FaultKind faultKind) : ISnapshotSection
{
    public string Name => name;

    public bool Changed { get; private set; }

    public bool Recorded { get; private set; }

    public abstract void Load(JsonItem section, string file);

    public JToken Save() => Write(sorted: false);

    public JToken? SaveRecorded() => Recorded ? Write(sorted: true) : null;

    /// <summary>
    /// The section as the file holds it: in the order it was loaded and changed, or <paramref name="sorted"/>
    /// (for a capture, so that two captures of one state are one file).
    /// </summary>
    protected abstract JToken Write(bool sorted);

    protected void MarkChanged() => Changed = true;

    /// <summary>Called by each <c>Record…</c> method that stored what a capture read.</summary>
    protected void MarkRecorded() => Recorded = true;

    protected void CheckRead(string target) => faults.Check(FaultOperation.Read, faultKind.Target(target));

    protected void CheckSet(string target) => faults.Check(FaultOperation.Set, faultKind.Target(target));

    protected void Check(FaultOperation operation, string target) => faults.Check(operation, faultKind.Target(target));

    /// <summary>For a section whose fault target is its whole list.</summary>
    protected void CheckRead() => faults.Check(FaultOperation.Read, faultKind.Target());

    protected void CheckSet() => faults.Check(FaultOperation.Set, faultKind.Target());

    /// <summary>The section as an object, or its located error.</summary>
    protected JsonObjectReader ReadObject(JsonItem section, string file) =>
        JsonObjectReader.ForObject(section, file, $"the \"{Name}\" section");

    /// <summary>The section as an array of <paramref name="items"/>, or its located error.</summary>
    protected JsonArrayItem ReadArray(JsonItem section, string file, string items) =>
        section as JsonArrayItem ?? throw new InputException(JsonObjectReader.Locate(section, file),
            $"\"{Name}\" must be an array of {items}; found {JsonObjectReader.Describe(section)}.");

    /// <summary><paramref name="items"/> as held, or sorted by <paramref name="key"/> ignoring case (names on Windows do).</summary>
    protected static IEnumerable<T> InOrder<T>(IEnumerable<T> items, Func<T, string> key, bool sorted) =>
        sorted ? items.OrderBy(key, StringComparer.OrdinalIgnoreCase) : items;

    protected static JArray Strings(IEnumerable<string> values) => new(values.Cast<object>().ToArray());
}
