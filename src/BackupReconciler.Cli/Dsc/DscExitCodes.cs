using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Dsc;

/// <summary>
/// The dsc subcommands' exit codes. DSC treats any non-zero exit as a failure, so drift found and
/// changes made are 0 (the state lines say which); the others keep the CLI's meaning of 1 and 4.
/// </summary>
public static class DscExitCodes
{
    public const int Success = ExitCodes.NoChanges;
    public const int InvalidInput = ExitCodes.NothingDone;
    public const int Failed = ExitCodes.Failures;

    /// <summary>The descriptions in the manifest's <c>exitCodes</c>, which DSC shows with a failure.</summary>
    public static IReadOnlyDictionary<int, string> Descriptions { get; } = new Dictionary<int, string>
    {
        [Success] = "Success: get read the state; test found the host in the desired state or drifted (see _inDesiredState); whatif said what set would do; set left nothing failed (changed or not)",
        [InvalidInput] = "Nothing was done: the instance JSON, the baseline, its variables or the snapshot is invalid, or another run holds the host's lock (the error trace line says which and where)",
        [Failed] = "Failed: a resource could not be read, failed to change or did not converge, a service restart failed, set was stopped by Ctrl+C or SIGTERM before every resource ran, or an unexpected error (the error trace lines name them)",
    };
}
