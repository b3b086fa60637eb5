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

    /// <summary>The key property of a reference-typed value (Win32_ShadowStorage.Volume → Win32_Volume's DeviceID).</summary>
    public static string? ReferenceKey(object? value, string key) => (value as WmiReference)?[key] as string;

    /// <summary>
    /// A method's ReturnValue (uint32 for the methods used here) as a number; a method that returned none
    /// (a void method, or a provider that leaves it out on success) is 0, success.
    /// </summary>
    public static uint ReturnCode(object? value) => value is null ? 0 : Convert.ToUInt32(value, CultureInfo.InvariantCulture);
}
