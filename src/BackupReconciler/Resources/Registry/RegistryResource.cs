using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Registry;

/// <summary>Values under one registry key: each present with a kind and data, or absent.</summary>
public sealed record RegistryResource(RegistryKeyPath Key, RegistryView View, IReadOnlyList<RegistryValueSpec> Values)
    : Resource<RegistryActual>, IClaimsSettings
{
    /// <summary>Each exact value (an "atLeast" minimum never fights another: the larger satisfies both).</summary>
    public IEnumerable<SettingClaim> Claims => Values.Where(v => !v.AtLeast).Select(v => SettingClaim.Of(
        $"registry|{View}|{Key.FullName}|{v.Name}",
        $"the registry value {Key.FullName}\\{v.Property} ({View} view)",
        v.Desired?.ToJson() ?? SettingClaim.Absent));

    public override string TypeName => RegistryResourceType.TypeName;

    public override RegistryActual Read(IHost host)
    {
        var values = host.Registry.ReadKey(Key, View);
        return new RegistryActual(
            Key.FullName,
            values is not null,
            Values.ToDictionary(
                spec => spec.Name,
                spec => values is not null && values.TryGetValue(spec.Name, out var value) ? value : null,
                StringComparer.OrdinalIgnoreCase))
        {
            // Windows keeps a value's name as first written; undo must write it back the same way.
            Spellings = Values.ToDictionary(
                spec => spec.Name,
                spec => values?.Keys.FirstOrDefault(k => k.Equals(spec.Name, StringComparison.OrdinalIgnoreCase)) ?? spec.Name,
                StringComparer.OrdinalIgnoreCase),
        };
    }

    public override IReadOnlyList<Difference> Compare(RegistryActual actual, IHost host)
    {
        var differences = new List<Difference>();
        foreach (var spec in Values)
        {
            var current = actual.Values[spec.Name];
            if (spec.Desired is null)
            {
                if (current is not null)
                {
                    differences.Add(new Difference(spec.Property, new RegistryDataValue(current, ShowsKind: true), null));
                }
            }
            else if (current is null)
            {
                differences.Add(new Difference(spec.Property, null, new RegistryDataValue(spec.Desired, ShowsKind: false)));
            }
            else if (!current.SameKindAs(spec.Desired))
            {
                differences.Add(new Difference(spec.Property, new RegistryDataValue(current, ShowsKind: true), new RegistryDataValue(spec.Desired, ShowsKind: true)));
            }
            else if (spec.AtLeast ? current.Number < spec.Desired.Number : !current.Equals(spec.Desired))
            {
                differences.Add(new Difference(spec.Property, new RegistryDataValue(current, ShowsKind: false), new RegistryDataValue(spec.Desired, ShowsKind: false)));
            }
        }

        return differences;
    }

    public override UndoStep UndoOf(RegistryActual actual, IReadOnlyList<Difference> changes) =>
        RegistryUndo.Of(Key, View, new JObject(changes.Select(change =>
        {
            var spec = Values.Single(v => v.Property.Equals(change.Property, StringComparison.OrdinalIgnoreCase));
            return new JProperty(actual.Spellings.GetValueOrDefault(spec.Name, spec.Name), RegistryUndo.PreviousValue(actual.Values[spec.Name]));
        })));

    public override void Apply(IHost host, RegistryActual actual, IReadOnlyList<Difference> changes)
    {
        foreach (var change in changes)
        {
            var spec = Values.Single(v => v.Property.Equals(change.Property, StringComparison.OrdinalIgnoreCase));
            if (spec.Desired is null)
            {
                host.Registry.DeleteValue(Key, View, spec.Name);
            }
            else
            {
                host.Registry.SetValue(Key, View, spec.Name, spec.Desired);
            }
        }
    }
}

/// <summary>
/// One declared value: <see cref="Desired"/> null means the value must be absent; with <see cref="AtLeast"/>
/// a number at or above the desired one is compliant (a version number, a minimum timeout).
/// </summary>
public sealed record RegistryValueSpec(string Name, RegistryValue? Desired, bool AtLeast = false)
{
    /// <summary>The name shown in differences; the unnamed default value shows as <c>(default)</c>.</summary>
    public string Property => Name.Length == 0 ? "(default)" : Name;
}

/// <summary>What <c>get</c> shows for a registry resource: the declared values as they are (null when missing).</summary>
public sealed record RegistryActual(string Key, bool KeyExists, IReadOnlyDictionary<string, RegistryValue?> Values) : IActualState
{
    /// <summary>Each declared value's name as the host spells it (the declared spelling when it is missing).</summary>
    public IReadOnlyDictionary<string, string> Spellings { get; init; } = new Dictionary<string, string>();

    public JToken ToJson() => new JObject
    {
        ["key"] = Key,
        ["keyExists"] = KeyExists,
        ["values"] = new JObject(Values.Select(v => new JProperty(v.Key, v.Value?.ToJson()))),
    };
}
