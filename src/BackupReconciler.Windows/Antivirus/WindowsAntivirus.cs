using System.Globalization;
using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Antivirus;

/// <summary>
/// The antivirus port on the live machine: Microsoft Defender's MSFT_MpPreference
/// (root\Microsoft\Windows\Defender). One read of the three exclusion lists per run; additions go
/// through the class's static Add method only — never Set, which replaces whole lists that other teams
/// and products own. Without Defender (another antivirus), reads fail with that reason rather than
/// pretending there are no exclusions.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAntivirus : IAntivirus
{
    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private AntivirusExclusions? _exclusions;

    public WindowsAntivirus(TimeSpan? timeout = null)
    {
        _wmi = new WmiSession(WmiSession.Defender, timeout ?? HostCall.DefaultTimeout);
    }

    public AntivirusExclusions Read()
    {
        lock (_lock)
        {
            return _exclusions ??= Guard("reading Microsoft Defender's exclusions (MSFT_MpPreference)",
                scope => DefenderMapping.ToExclusions(_wmi.Query(scope, DefenderMapping.ClassName, DefenderMapping.Properties)));
        }
    }

    public void Add(AntivirusExclusions additions)
    {
        var parameters = DefenderMapping.ToAddParameters(additions);
        if (parameters.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            try
            {
                Guard("adding Microsoft Defender exclusions (MSFT_MpPreference.Add)", scope =>
                {
                    using var result = _wmi.InvokeStatic(scope, DefenderMapping.ClassName, "Add", inParameters =>
                    {
                        foreach (var (name, entries) in parameters)
                        {
                            inParameters[name] = entries;
                        }
                    });
                    var returnValue = result["ReturnValue"] is { } value ? Convert.ToUInt32(value, CultureInfo.InvariantCulture) : 0;
                    return returnValue == 0
                        ? true
                        : throw new HostOperationException($"MSFT_MpPreference.Add returned {returnValue.ToString(CultureInfo.InvariantCulture)}.");
                });
            }
            finally
            {
                _exclusions = null;
            }
        }
    }

    private T Guard<T>(string what, Func<System.Management.ManagementScope, T> call)
    {
        try
        {
            return _wmi.Run(what, call);
        }
        catch (HostOperationException e) when (e.InnerException is { } inner && WmiFailure.IsMissing(inner))
        {
            throw new HostOperationException($"Microsoft Defender is not available on this host ({e.Message}); another antivirus product needs its exclusions set by its own tools.", e);
        }
    }
}
