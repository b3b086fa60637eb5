using BackupReconciler.Host;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Windows.Features;

/// <summary>Win32_OptionalFeature instances → installed or not, by name (names ignore case, as DISM's do).</summary>
internal static class FeatureMapping
{
    public const string ClassName = "Win32_OptionalFeature";

    public static readonly IReadOnlyList<string> Properties = ["Name", "InstallState"];

    public static readonly WmiQuery Query = new(WmiNamespace.Cimv2, ClassName, Properties);

    /// <summary>Win32_OptionalFeature.InstallState: 1 Enabled, 2 Disabled, 3 Absent (payload removed), 4 Unknown.</summary>
    public static IReadOnlyDictionary<string, uint> ToStates(IEnumerable<WmiRow> rows)
    {
        var states = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (WmiValues.Text(row["Name"]) is { } name)
            {
                states[name] = (uint)(WmiValues.UInt64(row["InstallState"]) ?? 4);
            }
        }

        return states;
    }

    /// <summary>The servicing name the feature has on this host, or null when the edition has no such feature.</summary>
    public static string? Resolve(IReadOnlyDictionary<string, uint> states, string name) =>
        FeatureNames.Candidates(name).FirstOrDefault(states.ContainsKey) is { } found
            ? states.Keys.First(k => k.Equals(found, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>Enabled is installed; disabled and absent (payload removed) are not; unknown is no answer.</summary>
    public static bool IsInstalled(string name, uint state) => state switch
    {
        1 => true,
        2 or 3 => false,
        _ => throw new HostOperationException($"Windows reports the install state of the feature \"{name}\" as unknown (Win32_OptionalFeature.InstallState {state.ToString(System.Globalization.CultureInfo.InvariantCulture)})."),
    };
}
