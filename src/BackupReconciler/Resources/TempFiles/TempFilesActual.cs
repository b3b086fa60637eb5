using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.TempFiles;

/// <summary>
/// The matching files of a folder, counted: in total, newer than minAge, read-only (and old), and the
/// names of the rest — the ones a clean-up deletes — oldest first.
/// </summary>
public sealed record TempFilesActual(
    string Directory,
    string Pattern,
    int Count,
    int Newer,
    int ReadOnly,
    IReadOnlyList<string> Deletable,
    DateTimeOffset? OldestDeletable) : IActualState
{
    /// <summary>Counts and the oldest time, never a list of a hundred thousand names.</summary>
    public JToken ToJson() => new JObject
    {
        ["directory"] = Directory,
        ["pattern"] = Pattern,
        ["count"] = Count,
        ["newer"] = Newer,
        ["readOnly"] = ReadOnly,
        ["deletable"] = Deletable.Count,
        ["oldestDeletable"] = OldestDeletable?.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
    };
}
