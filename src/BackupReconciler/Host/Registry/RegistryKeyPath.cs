using BackupReconciler.Input;

namespace BackupReconciler.Host.Registry;

/// <summary>
/// A key under HKEY_LOCAL_MACHINE, the only hive that holds machine configuration.
/// Equal regardless of case and of the hive's long or short spelling, as on Windows.
/// </summary>
public sealed class RegistryKeyPath : IEquatable<RegistryKeyPath>
{
    private static readonly string[] HivePrefixes = ["HKLM\\", "HKEY_LOCAL_MACHINE\\", "HKLM:\\"];

    private RegistryKeyPath(string subKey)
    {
        SubKey = subKey;
    }

    /// <summary>The path below the hive, without leading or trailing backslashes: <c>SOFTWARE\Microsoft</c>.</summary>
    public string SubKey { get; }

    /// <summary>The short form used in reports and snapshots: <c>HKLM\SOFTWARE\Microsoft</c>.</summary>
    public string FullName => "HKLM\\" + SubKey;

    public static bool TryParse(string text, out RegistryKeyPath path)
    {
        path = null!;
        foreach (var prefix in HivePrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var subKey = text[prefix.Length..].Trim('\\');
                if (subKey.Length == 0 || subKey.Contains("\\\\", StringComparison.Ordinal))
                {
                    return false;
                }

                path = new RegistryKeyPath(subKey);
                return true;
            }
        }

        return false;
    }

    public static RegistryKeyPath Parse(string text) =>
        TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not an HKLM registry key.");

    /// <summary>Where a key of the 32-bit view lives in the 64-bit registry (WOW64 redirection of SOFTWARE).</summary>
    public RegistryKeyPath InView(RegistryView view)
    {
        const string software = "SOFTWARE";
        if (view == RegistryView.Registry64
            || !(SubKey.Equals(software, StringComparison.OrdinalIgnoreCase) || SubKey.StartsWith(software + "\\", StringComparison.OrdinalIgnoreCase))
            || SubKey.StartsWith(software + "\\WOW6432Node", StringComparison.OrdinalIgnoreCase)
            || SubKey.StartsWith(software + "\\Classes", StringComparison.OrdinalIgnoreCase))
        {
            return this;
        }

        return new RegistryKeyPath(software + "\\WOW6432Node" + SubKey[software.Length..]);
    }

    public bool Equals(RegistryKeyPath? other) =>
        other is not null && string.Equals(SubKey, other.SubKey, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as RegistryKeyPath);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(SubKey);

    public override string ToString() => FullName;

    internal static string Expected => "a key under HKLM, such as \"HKLM\\\\SOFTWARE\\\\Vendor\\\\Product\" (HKEY_LOCAL_MACHINE\\\\... also works)";

    internal static RegistryKeyPath Read(JsonObjectReader reader, string member)
    {
        var text = reader.RequiredString(member);
        return TryParse(text, out var path)
            ? path
            : throw reader.Error(reader.Json[member], $"\"{member}\" of {reader.Subject} is \"{text}\"; give {Expected}.");
    }
}
