using System.Text.RegularExpressions;

namespace BackupReconciler.Baselines.References;

/// <summary>
/// One article a resource's <c>reference</c> cites: the seed file named, the article it is (null when the
/// file is not a known seed), and the part of it cited (the text in parentheses after the file name, less
/// the KB number the article already carries).
/// </summary>
public sealed partial record Citation(string Seed, SeedArticle? Article, string? Section)
{
    /// <summary>
    /// The citations in a baseline's reference text, in order: <c>"000_….txt (KB 4456295, Check the
    /// logon account credentials); 004_….txt"</c> cites two. Free text naming no seed file cites none.
    /// </summary>
    public static IReadOnlyList<Citation> Parse(string? reference) => reference is null
        ? []
        : SeedAndSection().Matches(reference).Select(m => Of(m.Groups["seed"].Value, m.Groups["section"].Success ? m.Groups["section"].Value : null)).ToList();

    private static Citation Of(string seed, string? section)
    {
        var article = SeedArticles.Find(seed);
        // The KB number is the article's own (shown with its title): kept in the section only if it differs.
        var part = section is not null && KbPrefix().Match(section) is { Success: true } kb && kb.Groups["kb"].Value == article?.Kb
            ? section[kb.Length..].Trim()
            : section?.Trim();
        return new Citation(seed, article, string.IsNullOrEmpty(part) ? null : part);
    }

    [GeneratedRegex(@"(?<seed>\d{3}_[0-9a-f]{16}\.txt)(?:\s*\((?<section>[^)]*)\))?")]
    private static partial Regex SeedAndSection();

    [GeneratedRegex(@"^\s*KB\s*(?<kb>\d+)\s*,?")]
    private static partial Regex KbPrefix();
}
