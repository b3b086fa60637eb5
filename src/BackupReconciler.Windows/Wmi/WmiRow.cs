namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// One WMI instance as plain values, property name → value (names ignore case), so that the mappings to
/// port types are pure functions that run and are tested anywhere, and no MI instance leaves the session.
/// </summary>
public sealed class WmiRow(IReadOnlyDictionary<string, object?> values)
{
    private readonly Dictionary<string, object?> _values = new(values, StringComparer.OrdinalIgnoreCase);

    public object? this[string property] => _values.GetValueOrDefault(property);

    public static WmiRow Of(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase));
}
