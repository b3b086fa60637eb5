using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.UserRights;

/// <summary>
/// The snapshot's <c>userRights</c> section: right constants (case-insensitive) mapping to the accounts
/// that hold them, as the local security policy lists them. A right that is not listed has no holders.
/// </summary>
public sealed class SnapshotUserRights : IUserRights, ISnapshotSection
{
    private readonly Dictionary<string, List<string>> _holders = new(StringComparer.OrdinalIgnoreCase);
    private readonly FaultInjector _faults;

    public SnapshotUserRights(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "userRights";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        var reader = JsonObjectReader.ForObject(section, file, "the \"userRights\" section");
        foreach (var property in reader.Json.Properties())
        {
            if (property.Value is not JArray accounts)
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

    public JToken Save() =>
        new JObject(_holders.Select(r => new JProperty(r.Key, new JArray(r.Value.Cast<object>().ToArray()))));

    public IReadOnlyList<string> HoldersOf(string right)
    {
        _faults.Check(FaultOperation.Read, "userRight:" + right);
        return _holders.TryGetValue(right, out var holders) ? [.. holders] : [];
    }

    public void Grant(string right, string account)
    {
        _faults.Check(FaultOperation.Set, "userRight:" + right);
        var existing = _holders.Keys.FirstOrDefault(k => k.Equals(right, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            _holders[right] = [account];
        }
        else
        {
            _holders[existing].Add(account);
        }

        Changed = true;
    }
}
