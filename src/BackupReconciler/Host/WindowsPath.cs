using System.Text.RegularExpressions;

namespace BackupReconciler.Host;

/// <summary>
/// Paths as Windows compares them: case-insensitive, a trailing backslash meaning nothing, and
/// <c>%Variable%</c> references standing for the host's values.
/// </summary>
public static partial class WindowsPath
{
    [GeneratedRegex("%([A-Za-z_][A-Za-z0-9_() ]*)%")]
    private static partial Regex EnvironmentReference();

    /// <summary>Expands <c>%Name%</c> from the host facts (unknown names stay as written), then drops trailing backslashes.</summary>
    public static string Normalize(string path, IReadOnlyDictionary<string, string> facts)
    {
        var expanded = EnvironmentReference().Replace(path.Trim(), m => facts.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        var trimmed = expanded.TrimEnd('\\');

        // "C:\" is a root, not "C:" (the current folder on drive C).
        return trimmed.Length == 2 && trimmed[1] == ':' && expanded.Length > 2 ? trimmed + "\\" : trimmed;
    }

    public static bool AreSame(string a, string b, IReadOnlyDictionary<string, string> facts) =>
        string.Equals(Normalize(a, facts), Normalize(b, facts), StringComparison.OrdinalIgnoreCase);
}
