using System.Globalization;

namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>
/// Lists of jobs as they read in differences: a DPM server has thousands of jobs, so a difference
/// names the first few (in a stable order, so two plans of the same state read the same) and counts the rest.
/// </summary>
public static class JobNames
{
    public const int Shown = 5;

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>a, b, c, d, e and 1,229 more</c></summary>
    public static string Summarize(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = string.Join(", ", sorted.Take(Shown));
        return sorted.Count <= Shown ? shown : $"{shown} and {Count(sorted.Count - Shown)} more";
    }
}
