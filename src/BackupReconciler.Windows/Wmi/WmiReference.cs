namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// A reference-typed property's value as plain data: the class it points at and that instance's keys.
/// MI hands references over as (key-only) instances, where System.Management gave the object path as
/// text; this keeps the mappings free of MI's types.
/// </summary>
internal sealed class WmiReference(string className, IReadOnlyDictionary<string, object?> keys)
{
    private readonly Dictionary<string, object?> _keys = new(keys, StringComparer.OrdinalIgnoreCase);

    public string ClassName => className;

    public object? this[string key] => _keys.GetValueOrDefault(key);
}
