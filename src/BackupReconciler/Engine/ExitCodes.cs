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

    /// <summary>The detailed code of a run that changed nothing (test, plan, --what-if): 2 for drift, for manual findings, which test gates on, and for a restart apply would do now.</summary>
    public static int Detailed(RunResult result)
    {
        var summary = result.Summary;
        var code = NoChanges;
        if (summary.Drifted + summary.Changed + summary.Manual + summary.PredictedFailure > 0)
        {
            code |= Changes;
        }

        // A what-if that would restart a service an earlier run deferred (every resource compliant) is a change
        // apply would make: 0 would tell a gate (Intune, ConfigMgr, Ansible's check mode) there is nothing to run.
        if (result.WhatIf && result.Restarts.Any(r => r.Status == RestartStatus.Planned))
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
    /// The detailed code of a run that applied (apply, undo, watch with --detailed-exitcodes), as Puppet means it:
    /// 2 only when changes were made (a resource changed, a service restarted). Manual findings alone do not set it:
    /// the run made no change, and the report lists them; <c>test</c> is the gate on them.
    /// </summary>
    public static int Applied(RunResult result)
    {
        var code = Detailed(result) & ~Changes;
        if (result.Summary.Changed > 0 || result.Restarts.Any(r => r.Status == RestartStatus.Restarted))
        {
            code |= Changes;
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
