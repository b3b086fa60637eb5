namespace BackupReconciler.Host.Registry;

/// <summary>The registry port: read one key's values, write or delete one value.</summary>
public interface IRegistry
{
    /// <summary>The values of <paramref name="key"/> by name (case-insensitive), or null when the key does not exist.</summary>
    IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, RegistryView view);

    /// <summary>Writes a value, creating the key when it is missing.</summary>
    void SetValue(RegistryKeyPath key, RegistryView view, string name, RegistryValue value);

    /// <summary>Deletes a value; deleting a value that does not exist is not an error.</summary>
    void DeleteValue(RegistryKeyPath key, RegistryView view, string name);
}

/// <summary>Which registry view a 64-bit Windows shows: the native one, or the one 32-bit programs see.</summary>
public enum RegistryView
{
    Registry64,
    Registry32,
}
