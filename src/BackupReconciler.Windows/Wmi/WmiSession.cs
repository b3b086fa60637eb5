using System.Management;
using System.Runtime.Versioning;

namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// WMI through System.Management, every call bounded: the connection, each enumeration step and each
/// method call carry the timeout (WMI's own), and the whole call runs under <see cref="HostCall"/>, so a
/// provider that hangs fails the resource instead of the run. Queries select only the properties asked
/// for (DESIGN §8) and return plain <see cref="WmiRow"/>s.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WmiSession(string namespacePath, TimeSpan timeout)
{
    public const string Cimv2 = @"\\.\root\cimv2";

    public const string Defender = @"\\.\root\Microsoft\Windows\Defender";

    public TimeSpan Timeout => timeout;

    /// <summary>Runs <paramref name="call"/> bounded in time, its WMI failures made host failures.</summary>
    public T Run<T>(string what, Func<ManagementScope, T> call) =>
        HostCall.RunNamed(what, timeout, () =>
        {
            try
            {
                return call(Connect());
            }
            catch (Exception e) when (WmiFailure.IsWmiFailure(e))
            {
                throw WmiFailure.From(e);
            }
        });

    /// <summary>Every instance of <paramref name="className"/>, with only <paramref name="properties"/>.</summary>
    public IReadOnlyList<WmiRow> Query(ManagementScope scope, string className, IReadOnlyList<string> properties)
    {
        var query = new SelectQuery(className, null, [.. properties]);
        var options = new System.Management.EnumerationOptions { Timeout = timeout, ReturnImmediately = true, Rewindable = false };
        using var searcher = new ManagementObjectSearcher(scope, query, options);
        using var results = searcher.Get();
        var rows = new List<WmiRow>();
        foreach (var instance in results)
        {
            using (instance)
            {
                rows.Add(new WmiRow(properties.ToDictionary(p => p, p => (object?)instance[p], StringComparer.OrdinalIgnoreCase)));
            }
        }

        return rows;
    }

    /// <summary>Calls a static method of a class; the caller reads the out parameters it needs.</summary>
    public ManagementBaseObject InvokeStatic(ManagementScope scope, string className, string method, Action<ManagementBaseObject> setParameters)
    {
        using var managementClass = new ManagementClass(scope, new ManagementPath(className), new ObjectGetOptions(null, timeout, false));
        using var parameters = managementClass.GetMethodParameters(method);
        setParameters(parameters);
        return managementClass.InvokeMethod(method, parameters, new InvokeMethodOptions(null, timeout));
    }

    private ManagementScope Connect()
    {
        var scope = new ManagementScope(namespacePath, new ConnectionOptions
        {
            Timeout = timeout,
            Impersonation = ImpersonationLevel.Impersonate,
            Authentication = AuthenticationLevel.PacketPrivacy,
            EnablePrivileges = true,
        });
        scope.Connect();
        return scope;
    }
}
