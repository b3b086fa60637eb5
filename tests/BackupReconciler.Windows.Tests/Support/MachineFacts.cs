using System.Runtime.Versioning;
using Microsoft.Management.Infrastructure;
using Microsoft.Win32;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// What a live test needs of the machine, found without the adapter under test (so an adapter that
/// wrongly reads "nothing" fails its test instead of skipping it).
/// </summary>
[SupportedOSPlatform("windows")]
public static class MachineFacts
{
    public const string SqlInstanceVariable = "BR_TEST_SQL_INSTANCE";

    /// <summary>The SQL Server instance a person or a Windows CI named for the tests to read, or null.</summary>
    public static string? SqlInstance => Environment.GetEnvironmentVariable(SqlInstanceVariable) is { Length: > 0 } name ? name : null;

    /// <summary>Defender is installed when its service is: HKLM\SYSTEM\CurrentControlSet\Services\WinDefend.</summary>
    public static bool HasDefender
    {
        get
        {
            using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using var service = hive.OpenSubKey(@"SYSTEM\CurrentControlSet\Services\WinDefend");
            return service is not null;
        }
    }

    /// <summary>
    /// A drive letter ("C:") whose volume has a shadow storage association, asked of WMI directly through
    /// MI (each Win32_ShadowStorage's Volume reference, then that Win32_Volume instance's DriveLetter),
    /// not through the adapter's session and mapping; null when there is none.
    /// </summary>
    public static string? VolumeWithShadowStorage()
    {
        using var session = CimSession.Create(null);
        foreach (var storage in session.QueryInstances("root/cimv2", "WQL", "SELECT Volume FROM Win32_ShadowStorage"))
        {
            using (storage)
            {
                if (storage.CimInstanceProperties["Volume"]?.Value is not CimInstance reference)
                {
                    continue;
                }

                using var volume = session.GetInstance("root/cimv2", reference);
                if (volume.CimInstanceProperties["DriveLetter"]?.Value is string { Length: > 0 } letter)
                {
                    return letter;
                }
            }
        }

        return null;
    }
}

/// <summary>A live SQL test: skipped, saying how to run it, unless BR_TEST_SQL_INSTANCE names an instance.</summary>
public sealed class SqlInstanceFactAttribute : LiveWindowsFactAttribute
{
    protected override string? WhyNotHereToo() =>
        OperatingSystem.IsWindows() && MachineFacts.SqlInstance is null
            ? $"needs a local SQL Server instance to read: set {MachineFacts.SqlInstanceVariable} to its name (MSSQLSERVER for the default instance)"
            : null;
}

/// <summary>A live Defender test, for a machine with Defender (<c>installed: true</c>) or without it; skipped on the other kind.</summary>
public sealed class DefenderFactAttribute(bool installed) : LiveWindowsFactAttribute
{
    public bool Installed { get; } = installed;

    protected override string? WhyNotHereToo()
    {
        if (!OperatingSystem.IsWindows() || MachineFacts.HasDefender == Installed)
        {
            return null;
        }

        return Installed
            ? "needs Microsoft Defender, which is not installed here (no WinDefend service)"
            : "needs a machine without Microsoft Defender; it is installed here";
    }
}

/// <summary>A live shadow storage test: skipped, saying so, on a machine where no volume has shadow storage.</summary>
public sealed class ShadowStorageFactAttribute : LiveWindowsFactAttribute
{
    protected override string? WhyNotHereToo() =>
        OperatingSystem.IsWindows() && MachineFacts.VolumeWithShadowStorage() is null
            ? "needs a volume with shadow storage (Win32_ShadowStorage has no instance with a drive letter here); vssadmin add shadowstorage makes one"
            : null;
}
