namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// The general help, written out: `--help` is the most run command of all, and answering it from this constant
/// skips building the verb catalog (its compilation on first use was most of that command's start-up). A test keeps
/// it equal to what <see cref="ArgumentReader"/> writes from the catalog, so it never drifts from the verbs.
/// </summary>
public static class GeneralHelp
{
    public const string Text = """
        Description:
          Keeps backup servers (DPM, MARS, SQL VMs, System State) in the configuration their backup products need,
          from JSON baselines.

        Usage:
          backup-reconciler VERB [arguments] [options]
          backup-reconciler @args.rsp            (arguments from a response file, one or more per line)

        Options:
          --version       the version and the commit it was built from
          -?, -h, --help  Show help and usage information

        Verbs:
          validate    check baselines (syntax, types, ids, variables) without touching a host
          test        is the host in the desired state? (changes nothing; exit 2 on drift or manual findings)
          plan        what apply would change, property by property, and the restarts it would do (changes nothing)
          apply       change the host to the desired state, verify, restart services once
          get         the actual state of the declared resources, as JSON
          runs        the runs recorded in the state directory: complete or interrupted
          undo        set back what that run changed (newest first), where it can be undone
          watch       apply again and again (never overlapping), one summary line per run, until Ctrl+C
          snapshot    capture the host into a snapshot file: what the baselines read, volumes, shadow storage, exclusions
          import-reg  turn a .reg file into a baseline of registry resources
          detect      which shipped role baselines apply to the host, with the evidence
          history     the settings applying runs corrected: how often, when last, and which are fought over
          schedule    install: register the task that applies the baseline as SYSTEM; show: the registered task; remove: delete it
          report      the fleet's compliance from hosts' JSON reports
          dsc         the Microsoft DSC v3 resource BackupReconciler/Baseline: get, test, whatif, set or manifest

        Each verb's options and an example: backup-reconciler VERB --help
        Shell completion (bash, PowerShell): see the README, "Command line".

        Exit codes:
          0  nothing to change
          2  drift or manual findings (test, plan, apply --what-if); changes made (apply --detailed-exitcodes)
          4  failures: a resource failed, could not be read, or (test, plan, --what-if) is predicted to fail
          6  both
          1  nothing was done: bad arguments, invalid baseline or snapshot
          +8 a restart was deferred (added to the detailed code)
        """;
}
