using System.Runtime.Versioning;
using System.Security;
using BackupReconciler.Host.Registry;
using Microsoft.Win32;
using PortView = BackupReconciler.Host.Registry.RegistryView;

namespace BackupReconciler.Windows.Registry;

/// <summary>
/// The registry port on the live machine, through Microsoft.Win32.Registry. The 32-bit view is the
/// operating system's own (KEY_WOW64_32KEY), so WOW64 redirection is Windows' business, not ours.
/// Each call is bounded by a timeout; failures carry Windows' error text.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsRegistry : IRegistry
{
    private readonly TimeSpan _timeout;

    public WindowsRegistry(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? HostCall.DefaultTimeout;
    }

    public IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, PortView view) =>
        Call($"reading {key}", () =>
        {
            using var hive = OpenHive(view);
            using var opened = hive.OpenSubKey(key.SubKey, writable: false);
            if (opened is null)
            {
                return null;
            }

            var values = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in opened.GetValueNames())
            {
                if (RegistryValueMapping.Read(opened, name) is { } value)
                {
                    values[name] = value;
                }
            }

            return (IReadOnlyDictionary<string, RegistryValue>?)values;
        });

    public void SetValue(RegistryKeyPath key, PortView view, string name, RegistryValue value) =>
        Call($"writing {key}", () =>
        {
            using var hive = OpenHive(view);

            // CreateSubKey opens the key when it exists and creates every missing level when not.
            using var opened = hive.CreateSubKey(key.SubKey, writable: true);
            RegistryValueMapping.Write(opened, name, value);
            return true;
        });

    public void DeleteValue(RegistryKeyPath key, PortView view, string name) =>
        Call($"deleting a value of {key}", () =>
        {
            using var hive = OpenHive(view);
            using var opened = hive.OpenSubKey(key.SubKey, writable: true);

            // A missing key has no such value: nothing to delete, as the port promises.
            opened?.DeleteValue(name, throwOnMissingValue: false);
            return true;
        });

    private static RegistryKey OpenHive(PortView view) =>
        RegistryKey.OpenBaseKey(RegistryHive.LocalMachine,
            view == PortView.Registry32 ? Microsoft.Win32.RegistryView.Registry32 : Microsoft.Win32.RegistryView.Registry64);

    private T Call<T>(string what, Func<T> call) =>
        HostCall.RunNamed(what, _timeout, () =>
        {
            try
            {
                return call();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
            {
                throw Win32Failure.FromRegistryException(e);
            }
        });
}
