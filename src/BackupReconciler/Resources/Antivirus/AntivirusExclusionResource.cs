using BackupReconciler.Host;
using BackupReconciler.Host.Antivirus;

namespace BackupReconciler.Resources.Antivirus;

/// <summary>
/// Defender exclusions that must be present. Only missing ones are added; the host's other
/// exclusions belong to other products and people and are never removed or replaced.
/// </summary>
public sealed record AntivirusExclusionResource(IReadOnlyList<ExclusionList> Lists) : Resource<AntivirusExclusionActual>
{
    public override string TypeName => AntivirusExclusionResourceType.TypeName;

    public override AntivirusExclusionActual Read(IHost host)
    {
        var current = host.Antivirus.Read();
        return new AntivirusExclusionActual(Lists.Select(list => StateOf(list, current, host.Facts)).ToList());
    }

    private static ExclusionListState StateOf(ExclusionList list, AntivirusExclusions current, IReadOnlyDictionary<string, string> facts)
    {
        var kind = list.Kind;
        string KeyOf(string entry) => kind.Key(kind.Expand(entry, facts));

        var desired = list.Entries.Select(e => kind.Expand(e, facts)).DistinctBy(KeyOf, StringComparer.OrdinalIgnoreCase).ToList();
        var desiredKeys = desired.Select(KeyOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var present = kind.ListOf(current).Where(e => desiredKeys.Contains(KeyOf(e))).ToList();
        var presentKeys = present.Select(KeyOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = desired.Where(e => !presentKeys.Contains(KeyOf(e))).ToList();
        return new ExclusionListState(kind, desired, present, missing);
    }

    public override IReadOnlyList<Difference> Compare(AntivirusExclusionActual actual, IHost host) =>
        actual.Lists
            .Where(l => l.Missing.Count > 0)
            .Select(l => new Difference(l.Kind.Property, DifferenceValue.TextList(l.Present), DifferenceValue.TextList(l.Desired)))
            .ToList();

    public override UndoStep UndoOf(AntivirusExclusionActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("exclusions are only ever added, never removed by this tool; remove them in Defender by hand");

    public override void Apply(IHost host, AntivirusExclusionActual actual, IReadOnlyList<Difference> changes)
    {
        IReadOnlyList<string> MissingOf(ExclusionKind kind) =>
            changes.Any(c => c.Property == kind.Property)
                ? actual.Lists.Where(l => l.Kind == kind).SelectMany(l => l.Missing).ToList()
                : [];

        var additions = new AntivirusExclusions(MissingOf(ExclusionKind.Paths), MissingOf(ExclusionKind.Processes), MissingOf(ExclusionKind.Extensions));
        if (additions.Paths.Count + additions.Processes.Count + additions.Extensions.Count > 0)
        {
            host.Antivirus.Add(additions);
        }
    }
}
