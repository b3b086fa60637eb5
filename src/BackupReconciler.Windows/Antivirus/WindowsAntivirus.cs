using System.Runtime.Versioning;
using BackupReconciler.Host;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Antivirus;

/// <summary>
/// The antivirus port on the live machine: Microsoft Defender's MSFT_MpPreference
/// (root/Microsoft/Windows/Defender), on the run's WMI session. One read of the three exclusion lists per
/// run; additions go through the class's static Add method only — never Set, which replaces whole lists
/// that other teams and products own. Without Defender (another antivirus), reads fail with that reason
/// rather than pretending there are no exclusions.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAntivirus : IAntivirus
{
    private readonly WmiSession _wmi;
    private readonly Lock _lock = new();
    private AntivirusExclusions? _exclusions;

    internal WindowsAntivirus(WmiSession wmi)
    {
        _wmi = wmi;
    }

    public AntivirusExclusions Read()
    {
        lock (_lock)
        {
            return _exclusions ??= DefenderMapping.ToExclusions(Guard(() =>
                _wmi.Query("reading Microsoft Defender's exclusions (MSFT_MpPreference)", DefenderMapping.Query)));
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
                const string what = "adding Microsoft Defender exclusions (MSFT_MpPreference.Add)";
                var returnValue = Guard(() => _wmi.InvokeStatic(what, WmiNamespace.Defender, DefenderMapping.ClassName, "Add", parameters));
                if (returnValue != 0)
                {
                    throw new HostOperationException($"{what}: {DefenderMapping.AddFailure(returnValue)}");
                }
            }
            finally
            {
                _exclusions = null;
            }
        }
    }

    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (HostOperationException e) when (WmiFailure.IsMissing(e.InnerException))
        {
            throw new HostOperationException($"Microsoft Defender is not available on this host ({e.Message}); another antivirus product needs its exclusions set by its own tools.", e);
        }
    }
}
