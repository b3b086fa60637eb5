using System.Globalization;

namespace BackupReconciler.Windows.Wmi;

/// <summary>Reads WMI property values as the types the mappings need, whatever CIM type boxed them.</summary>
internal static class WmiValues
{
    /// <summary>A uint64 (or any integer) as ulong; null when the property is null (no medium, not reported).</summary>
    public static ulong? UInt64(object? value) => value switch
    {
        null => null,
        ulong number => number,
        string text => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
        _ => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
    };

    public static string? Text(object? value) => value as string;

    /// <summary>A string array property; null and an empty array are both "no entries".</summary>
    public static IReadOnlyList<string> Texts(object? value) => value switch
    {
        null => [],
        string[] texts => texts,
        string text => [text],
        _ => throw new InvalidCastException($"a WMI string array was a {value.GetType().Name}"),
    };
}
