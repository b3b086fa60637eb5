using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Sql;

namespace BackupReconciler.Windows.Sql;

/// <summary>
/// Which SQL Server instances are installed, and how to reach one on this machine. SQL Server Setup lists
/// every database engine instance as a value under <see cref="InstanceNamesKey"/> (name → instance id),
/// so "not installed" is answered from the registry, never from a failed connection (which could be a
/// stopped service or a network problem, and must fail, not read as "no such instance").
/// </summary>
internal static class SqlInstances
{
    public static readonly RegistryKeyPath InstanceNamesKey =
        RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL");

    public static bool IsInstalled(IRegistry registry, string instance) =>
        registry.ReadKey(InstanceNamesKey, RegistryView.Registry64)?.ContainsKey(instance) == true;

    /// <summary>The installed database engine instances, by name.</summary>
    public static IReadOnlyList<string> Installed(IRegistry registry) =>
        registry.ReadKey(InstanceNamesKey, RegistryView.Registry64)?.Keys.ToList() ?? [];

    /// <summary>"." for the default instance, ".\NAME" for a named one: the local machine, never a remote server.</summary>
    public static string DataSource(string instance) =>
        SqlInstanceName.IsDefault(instance) ? "." : @".\" + instance;
}
