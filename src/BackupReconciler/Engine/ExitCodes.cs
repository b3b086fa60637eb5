namespace BackupReconciler.Engine;

/// <summary>
/// Exit codes as a bitmask (Puppet's --detailed-exitcodes, compatible with Terraform's -detailed-exitcode):
/// 0 nothing to change, 2 changes or drift, 4 failures, 6 both, 1 nothing was done; 8 is added when a
/// restart was deferred.
/// </summary>
public static class ExitCodes
{
    public const int NoChanges = 0;
    public const int NothingDone = 1;
    public const int Changes = 2;
    public const int Failures = 4;

    /// <summary>A restart was deferred (backup work running, outside the restart window): a later run does it.</summary>
    public const int RestartsDeferred = 8;

    /// <summary>The detailed code: what test and plan always return, and apply with --detailed-exitcodes.</summary>
    public static int Detailed(RunResult result)
    {
        var summary = result.Summary;
        var code = NoChanges;
        if (summary.Drifted + summary.Changed + summary.Manual + summary.PredictedFailure > 0)
        {
            code |= Changes;
        }

        // A predicted failure is drift that apply will fail on: a gate on the plan sees both.
        if (summary.Failed + summary.PredictedFailure > 0 || result.RestartFailed)
        {
            code |= Failures;
        }

        if (result.Restarts.Any(r => r.Status == RestartStatus.Deferred))
        {
            code |= RestartsDeferred;
        }

        return code;
    }

    /// <summary>
    /// Apply without --detailed-exitcodes: 0 when nothing failed (changed or not), 4 on failures,
    /// so a pipeline that fails on any non-zero code does not fail because the first run fixed things.
    /// </summary>
    public static int Simple(RunResult result) =>
        (Detailed(result) & Failures) != 0 ? Failures : NoChanges;
}
