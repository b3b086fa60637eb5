using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>The spelling of statuses in every report format.</summary>
public static class StatusNames
{
    public static string Of(ResourceStatus status) => status switch
    {
        ResourceStatus.Compliant => "compliant",
        ResourceStatus.Drifted => "drifted",
        ResourceStatus.Changed => "changed",
        ResourceStatus.Manual => "manual",
        ResourceStatus.Failed => "failed",
        ResourceStatus.PredictedFailure => "predictedFailure",
        ResourceStatus.NotUndoable => "notUndoable",
        _ => "skipped",
    };

    public static string Of(RestartStatus status) => status switch
    {
        RestartStatus.Planned => "planned",
        RestartStatus.Restarted => "restarted",
        RestartStatus.NotRunning => "notRunning",
        RestartStatus.Deferred => "deferred",
        _ => "failed",
    };
}
