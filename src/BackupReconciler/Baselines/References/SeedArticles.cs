namespace BackupReconciler.Baselines.References;

/// <summary>
/// A troubleshooting article a baseline cites: its seed file, title, KB number and public address.
/// <see cref="Kb"/> and <see cref="Url"/> are null where the seed's own text gives none: they are copied
/// from the article, never guessed (a KB number's support.microsoft.com address is a guess for articles
/// that were renumbered or moved to learn.microsoft.com).
/// </summary>
public sealed record SeedArticle(string Seed, string Title, string? Kb, string? Url);

/// <summary>The seed articles the shipped baselines cite, by file name (the seeds' README lists the same).</summary>
public static class SeedArticles
{
    public static readonly IReadOnlyList<SeedArticle> All =
    [
        // "_Original KB number:_ 4456295"; the text links to other articles only.
        new("000_4b8fb8a1776333a5.txt", "Troubleshoot scheduled backup job failures in Data Protection Manager", "4456295", null),
        // "_Original KB number:_ 971411"; the text links to other articles only.
        new("001_8a8e9cb9deb2b69b.txt", "Protection jobs for various protected servers fail with errors", "971411", null),
        // No KB number; its links are relative (docs-internal) or to other articles.
        new("002_32c5af27bd904896.txt", "Troubleshoot SQL Server database backup by using Azure Backup", null, null),
        // No KB number; the article links to its own sections at this address ("...backup-azure-mars-troubleshoot#backups-dont-run-according-to-schedule").
        new("003_75182e73a6ab4ba4.txt", "Troubleshoot the Microsoft Azure Recovery Services (MARS) agent", null, "https://docs.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"),
        // No KB number; its aka.ms links lead to other articles.
        new("004_2de3770e29f1c242.txt", "Troubleshoot System State Backup", null, null),
    ];

    public static SeedArticle? Find(string seed) => All.FirstOrDefault(a => a.Seed.Equals(seed, StringComparison.OrdinalIgnoreCase));
}
