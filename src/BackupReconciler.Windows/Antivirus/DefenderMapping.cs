using BackupReconciler.Host;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Antivirus;

/// <summary>MSFT_MpPreference's exclusion properties ↔ the antivirus port.</summary>
internal static class DefenderMapping
{
    public const string ClassName = "MSFT_MpPreference";

    public static readonly IReadOnlyList<string> Properties = ["ExclusionPath", "ExclusionProcess", "ExclusionExtension"];

    public static readonly WmiQuery Query = new(WmiNamespace.Defender, ClassName, Properties);

    /// <summary>
    /// What Defender (platform 4.18.2108 and later) puts in the lists instead of the entries when the
    /// caller is not an administrator. Reading it as an entry would make every exclusion look missing.
    /// </summary>
    private const string HiddenMarker = "N/A: Must be an administrator to view exclusions";

    public static AntivirusExclusions ToExclusions(IReadOnlyList<WmiRow> rows)
    {
        if (rows.Count == 0)
        {
            throw new HostOperationException($"{ClassName} has no instance: Microsoft Defender's preferences could not be read.");
        }

        var row = rows[0];
        var lists = Properties.Select(p => WmiValues.Texts(row[p])).ToList();
        if (lists.SelectMany(l => l).Any(e => e.StartsWith(HiddenMarker, StringComparison.OrdinalIgnoreCase)))
        {
            throw new HostOperationException($"Access is denied. (Microsoft Defender shows its exclusions only to administrators: \"{HiddenMarker}\")");
        }

        return new AntivirusExclusions(lists[0], lists[1], lists[2]);
    }

    /// <summary>The Add method's parameters (string arrays): only the lists that have entries (an empty array would be refused).</summary>
    public static IReadOnlyList<WmiParameter> ToAddParameters(AntivirusExclusions additions) =>
        new[] { ("ExclusionPath", additions.Paths), ("ExclusionProcess", additions.Processes), ("ExclusionExtension", additions.Extensions) }
            .Where(p => p.Item2.Count > 0)
            .Select(p => new WmiParameter(p.Item1, p.Item2.ToArray()))
            .ToList();

    /// <summary>
    /// Add's nonzero ReturnValue. Defender reports its refusals as WMI errors (which carry their own
    /// text); a nonzero return has no documented meaning, so it is reported as the number it is.
    /// </summary>
    public static string AddFailure(uint returnValue) =>
        $"{ClassName}.Add returned {returnValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not 0 (success); Microsoft Defender documents no meaning for it.";
}
