using System.Runtime.Versioning;
using BackupReconciler.Host.Registry;
using Microsoft.Win32;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// A key the test owns, HKLM\SOFTWARE\BackupReconcilerTests\&lt;guid&gt;. Every test key, in both
/// views, is deleted before the test (leftovers of a crashed run) and after it.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class TestRegistryKey : IDisposable
{
    public const string Root = @"SOFTWARE\BackupReconcilerTests";

    public TestRegistryKey()
    {
        RemoveAll();
        SubKey = Root + "\\" + Guid.NewGuid().ToString("N");
        Path = RegistryKeyPath.Parse(@"HKLM\" + SubKey);
    }

    public string SubKey { get; }

    public RegistryKeyPath Path { get; }

    public RegistryKeyPath Below(string relative) => RegistryKeyPath.Parse(Path.FullName + "\\" + relative);

    public void Dispose() => RemoveAll();

    private static void RemoveAll()
    {
        foreach (var view in new[] { Microsoft.Win32.RegistryView.Registry64, Microsoft.Win32.RegistryView.Registry32 })
        {
            using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, view);
            hive.DeleteSubKeyTree(Root, throwOnMissingSubKey: false);
        }
    }
}
