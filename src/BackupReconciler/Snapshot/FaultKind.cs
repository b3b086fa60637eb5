namespace BackupReconciler.Snapshot;

/// <summary>
/// A kind of target that a snapshot's <c>faults</c> may name, declared by the part whose calls check it:
/// a kind and a name (<c>registry:&lt;key&gt;</c>), or a whole list read in one query (<c>volumes</c>).
/// <see cref="FaultInjector"/> accepts exactly the kinds the technologies declare, so a target that no
/// call checks is refused instead of never firing.
/// </summary>
public sealed class FaultKind
{
    private readonly Func<string, string?>? _canonical;

    private FaultKind(string name, string? namedBy, int listed, Func<string, string?>? canonical, string? notCanonical)
    {
        Name = name;
        NamedBy = namedBy;
        Listed = listed;
        _canonical = canonical;
        NotCanonical = notCanonical;
    }

    /// <summary>What a target starts with: <c>registry</c>, <c>service</c>, or the whole list's name.</summary>
    public string Name { get; }

    /// <summary>What names one target of the kind (<c>key</c>, <c>path</c>); null for a whole list.</summary>
    public string? NamedBy { get; }

    /// <summary>Where the help for a wrong target lists this kind (kept in the order users have always read it).</summary>
    public int Listed { get; }

    /// <summary>Why a name that has no canonical form can never be checked, or null when every name can.</summary>
    public string? NotCanonical { get; }

    /// <summary>How the help for a wrong target writes this kind.</summary>
    public string Form => NamedBy is null ? Name : $"{Name}:<{NamedBy}>";

    /// <summary>
    /// A kind whose targets name one thing; <paramref name="canonical"/> (when given) spells a name as calls
    /// check it, or returns null when the name can never be checked (<paramref name="notCanonical"/> says why).
    /// </summary>
    public static FaultKind Named(string name, string namedBy, int listed, Func<string, string?>? canonical = null, string? notCanonical = null) =>
        new(name, namedBy, listed, canonical, notCanonical);

    public static FaultKind WholeList(string name, int listed) => new(name, null, listed, null, null);

    /// <summary>The target a call on <paramref name="name"/> checks.</summary>
    public string Target(string name) => Name + ":" + name;

    /// <summary>The target a call on the whole list checks.</summary>
    public string Target() => Name;

    /// <summary>Whether a call can ever check this name.</summary>
    internal bool CanCheck(string name) => _canonical is null || _canonical(name) is not null;

    /// <summary>The name spelled as calls check it, or null when the kind has no one spelling (or the name can never be checked).</summary>
    internal string? Canonical(string name) => _canonical?.Invoke(name);
}
