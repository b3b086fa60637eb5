using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using BackupReconciler.Windows.Services;

namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// Services the tests own, all named "BRTest…": whatever such services exist (left by a crashed run)
/// are stopped and deleted before a test and again after it, as Calamari's service tests do.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class TestServices : IDisposable
{
    public const string Prefix = "BRTest";

    public TestServices()
    {
        RemoveAll();
    }

    /// <summary>Installs a test service (demand start, LocalSystem) running this program; returns its name.</summary>
    public static string Create(string purpose, string mode = TestServiceHost.Running, uint startType = Advapi32.ServiceDemandStart, params string[] dependsOn)
    {
        var name = Prefix + purpose + "_" + Guid.NewGuid().ToString("N")[..6];
        var dependencies = dependsOn.Length == 0 ? null : string.Join('\0', dependsOn) + "\0\0";
        using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect | TestAdvapi32.ScManagerCreateService);
        using var service = TestAdvapi32.CreateService(manager, name, "BackupReconciler test " + purpose, TestAdvapi32.ServiceAllAccess,
            TestAdvapi32.ServiceWin32OwnProcess, startType, TestAdvapi32.ServiceErrorNormal, TestServiceHost.CommandLine(mode),
            null, IntPtr.Zero, dependencies, null, null);
        if (service.IsInvalid)
        {
            throw new InvalidOperationException($"CreateService {name} failed: error {Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture)}");
        }

        return name;
    }

    public void Dispose() => RemoveAll();

    /// <summary>Stops (waiting up to 15 s) and deletes every test-owned service; errors are ignored, a leftover is retried next time.</summary>
    private static void RemoveAll()
    {
        var names = new WindowsServiceControl().InstalledNames().Where(n => n.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        using var manager = ServiceControlManager.OpenManager(Advapi32.ScManagerConnect);

        // Dependents first: a service others depend on does not stop while they run.
        foreach (var name in names.OrderByDescending(n => n.Contains("Dependent", StringComparison.Ordinal)))
        {
            using var service = Advapi32.OpenService(manager, name, TestAdvapi32.Delete | Advapi32.ServiceStop | Advapi32.ServiceQueryStatus);
            if (service.IsInvalid)
            {
                continue;
            }

            Advapi32.ControlService(service, Advapi32.ServiceControlStop, out _);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(15)
                   && Advapi32.QueryServiceStatusEx(service, Advapi32.ScStatusProcessInfo, out var status, (uint)Marshal.SizeOf<Advapi32.ServiceStatusProcess>(), out _)
                   && status.CurrentState != Advapi32.ServiceStopped)
            {
                Thread.Sleep(100);
            }

            TestAdvapi32.DeleteService(service);
        }
    }
}
