using BackupReconciler.Engine;

namespace BackupReconciler.Tests.Support;

public static class ResultExtensions
{
    public static ResourceResult Resource(this RunResult run, string id) => run.Resources.Single(r => r.Id == id);

    public static ResourceStatus StatusOf(this RunResult run, string id) => run.Resource(id).Status;

    /// <summary>property: actual → desired, as the text report shows it; handy for exact assertions.</summary>
    public static IReadOnlyList<string> DifferencesOf(this RunResult run, string id) =>
        run.Resource(id).Differences.Select(d => $"{d.Property}: {ValueText.Format(d.Actual)} → {ValueText.Format(d.Desired)}").ToList();
}
