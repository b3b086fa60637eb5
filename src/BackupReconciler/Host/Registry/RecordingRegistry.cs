using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.Registry;

/// <summary>Reads keys and records each existing one where a snapshot keeps it (32-bit view keys under WOW6432Node).</summary>
internal sealed class RecordingRegistry(IRegistry inner, SnapshotRegistry captured) : IRegistry
{
    public IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, RegistryView view)
    {
        var values = inner.ReadKey(key, view);
        if (values is not null)
        {
            captured.RecordKey(key.InView(view), values);
        }

        return values;
    }

    public void SetValue(RegistryKeyPath key, RegistryView view, string name, RegistryValue value) => throw CaptureOnly.Refuse("set a registry value");

    public void DeleteValue(RegistryKeyPath key, RegistryView view, string name) => throw CaptureOnly.Refuse("delete a registry value");
}
