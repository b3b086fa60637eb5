using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.PathList;

/// <summary>
/// A machine-scope environment variable that is a ';'-separated list (PSModulePath, Path) contains
/// the given entries; missing ones are appended, everything else and its order is kept.
/// </summary>
public sealed record PathListResource(string Variable, IReadOnlyList<string> Contains) : Resource<PathListActual>
{
    /// <summary>Where Windows keeps machine-scope environment variables.</summary>
    public static readonly RegistryKeyPath EnvironmentKey = RegistryKeyPath.Parse(@"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment");

    public override string TypeName => PathListResourceType.TypeName;

    public override PathListActual Read(IHost host)
    {
        var values = host.Registry.ReadKey(EnvironmentKey, RegistryView.Registry64);
        var value = values is not null && values.TryGetValue(Variable, out var v) ? v : null;
        if (value is not null && value.Kind is not (RegistryValueKind.String or RegistryValueKind.ExpandString))
        {
            throw new HostOperationException($"the environment variable {Variable} is a {value.KindName} registry value, not a string; fix it by hand, this tool will not guess.");
        }

        return new PathListActual(Variable, value?.Text, value?.Kind ?? RegistryValueKind.ExpandString);
    }

    public override IReadOnlyList<Difference> Compare(PathListActual actual, IHost host)
    {
        var entries = PathListValue.EntriesOf(actual.Value);
        var missing = Contains
            .Where(wanted => !entries.Any(entry => WindowsPath.AreSame(entry, wanted, host.Facts)))
            .DistinctBy(wanted => WindowsPath.Normalize(wanted, host.Facts), StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        // Append after the existing text as it is, so nothing the administrator wrote is reformatted.
        var current = actual.Value ?? "";
        var separator = current.Length == 0 || current.EndsWith(';') ? "" : ";";
        return [Difference.Of(Variable, actual.Value is null ? null : new PathListValue(actual.Value), new PathListValue(current + separator + string.Join(';', missing)))];
    }

    public override UndoStep UndoOf(PathListActual actual, IReadOnlyList<Difference> changes) =>
        Registry.RegistryUndo.Of(EnvironmentKey, RegistryView.Registry64, new JObject
        {
            [Variable] = Registry.RegistryUndo.PreviousValue(actual.Previous),
        });

    public override void Apply(IHost host, PathListActual actual, IReadOnlyList<Difference> changes)
    {
        var desired = ((PathListValue)changes.Single().Desired!).Value;
        host.Registry.SetValue(EnvironmentKey, RegistryView.Registry64, Variable,
            actual.Kind == RegistryValueKind.String ? RegistryValue.String(desired) : RegistryValue.ExpandString(desired));
    }
}
