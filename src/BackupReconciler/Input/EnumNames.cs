namespace BackupReconciler.Input;

/// <summary>The spellings of an enum in baselines and snapshots; parsing ignores case as Windows tools do.</summary>
public sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<T, string> _byValue = [];

    public EnumNames(params (string Name, T Value)[] names)
    {
        foreach (var (name, value) in names)
        {
            _byName[name] = value;
            _byValue.TryAdd(value, name);
        }

        Names = names.Select(n => n.Name).ToList();
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string name, out T value) => _byName.TryGetValue(name, out value);

    public string NameOf(T value) => _byValue[value];
}
