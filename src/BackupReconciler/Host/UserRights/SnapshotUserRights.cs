using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.UserRights;

/// <summary>
/// The snapshot's <c>userRights</c> section: right constants (case-insensitive) mapping to the accounts
/// that hold them, as the local security policy lists them. A right that is not listed has no holders.
/// </summary>
public sealed class SnapshotUserRights(FaultInjector faults) : SnapshotSection("userRights", faults, Faults), IUserRights
{
    public static readonly FaultKind Faults = FaultKind.Named("userRight", "right", 8);

    private readonly Dictionary<string, List<string>> _holders = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            if (property.Value is not JsonArrayItem accounts)
            {
                throw reader.Error(property.Value, $"the holders of \"{property.Name}\" must be an array of accounts, such as [\"Everyone\"]; found {JsonObjectReader.Describe(property.Value)}.");
            }

            var holders = accounts.Select(a => reader.AsString(a, property.Name)).ToList();
            if (!_holders.TryAdd(property.Name, holders))
            {
                throw reader.Error(property, $"the right \"{property.Name}\" appears twice (right names ignore case); merge them.");
            }
        }
    }

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_holders, r => r.Key, sorted).Select(r => new JProperty(r.Key, Strings(r.Value))));

    /// <summary>Records the holders a capture read (none is an answer too), in place of any recorded before.</summary>
    internal void RecordHolders(string right, IReadOnlyList<string> holders)
    {
        _holders[right] = [.. holders];
        MarkRecorded();
    }

    public IReadOnlyList<string> HoldersOf(string right)
    {
        CheckRead(right);
        return _holders.TryGetValue(right, out var holders) ? [.. holders] : [];
    }

    public void Grant(string right, string account)
    {
        CheckSet(right);
        var existing = _holders.Keys.FirstOrDefault(k => k.Equals(right, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            _holders[right] = [account];
        }
        else
        {
            _holders[existing].Add(account);
        }

        MarkChanged();
    }
}
