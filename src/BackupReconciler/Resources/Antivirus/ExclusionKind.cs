using System.Buffers;
using System.Text.RegularExpressions;
using BackupReconciler.Host.Antivirus;

namespace BackupReconciler.Resources.Antivirus;

/// <summary>
/// One of Defender's exclusion lists and how its entries compare: paths and processes ignore case,
/// trailing backslashes and the spelling of host facts (<c>%ProgramFiles%\X</c> is <c>C:\Program Files\X</c>);
/// extensions ignore case and a leading dot.
/// </summary>
public sealed partial class ExclusionKind
{
    public static readonly ExclusionKind Paths = new("paths", "path", e => e.Paths, isExtension: false);

    public static readonly ExclusionKind Processes = new("processes", "process", e => e.Processes, isExtension: false);

    public static readonly ExclusionKind Extensions = new("extensions", "extension", e => e.Extensions, isExtension: true);

    private static readonly SearchValues<char> NotInExtensions = SearchValues.Create("\\/:*?\"<>| ");

    private readonly Func<AntivirusExclusions, IReadOnlyList<string>> _list;
    private readonly bool _isExtension;

    private ExclusionKind(string property, string singular, Func<AntivirusExclusions, IReadOnlyList<string>> list, bool isExtension)
    {
        Property = property;
        Singular = singular;
        _list = list;
        _isExtension = isExtension;
    }

    public static IReadOnlyList<ExclusionKind> All { get; } = [Paths, Processes, Extensions];

    /// <summary>The baseline property and difference name: <c>paths</c>.</summary>
    public string Property { get; }

    /// <summary>One entry, for messages: <c>path</c>.</summary>
    public string Singular { get; }

    [GeneratedRegex(@"%(?<name>[^%\\/]+)%")]
    private static partial Regex EnvironmentReference();

    public IReadOnlyList<string> ListOf(AntivirusExclusions exclusions) => _list(exclusions);

    /// <summary>
    /// The entry with <c>%Name%</c> references to host facts replaced (names ignore case, as Windows
    /// environment variables do). Other references stay as written: Defender expands them itself,
    /// and the reconciler has no value to compare them by.
    /// </summary>
    public string Expand(string entry, IReadOnlyDictionary<string, string> facts)
    {
        if (_isExtension)
        {
            return entry.Trim();
        }

        return EnvironmentReference().Replace(entry.Trim(), match =>
        {
            var name = match.Groups["name"].Value;
            var fact = facts.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            return fact.Key is null ? match.Value : fact.Value;
        });
    }

    /// <summary>What two entries must share to be the same exclusion; compared ignoring case.</summary>
    public string Key(string expanded) =>
        _isExtension ? expanded.Trim().TrimStart('.') : expanded.Trim().Replace('/', '\\').TrimEnd('\\');

    /// <summary>Why a baseline entry cannot be an exclusion of this kind, or null when it can.</summary>
    public string? ProblemWith(string entry)
    {
        if (!_isExtension)
        {
            return entry.Trim().Length == 0 ? $"is blank; write the {Singular} or remove the entry" : null;
        }

        var key = Key(entry);
        return key.Length == 0 || key.AsSpan().ContainsAny(NotInExtensions)
            ? "is not a file extension; give the extension alone, such as \"bak\" or \".bak\""
            : null;
    }
}
