namespace BackupReconciler.Cli.CommandLine;

/// <summary>Every option of every verb, declared once; a verb's registration (<see cref="VerbCatalog"/>) lists the ones it takes.</summary>
public static class OptionSpecs
{
    public static readonly OptionSpec Snapshot = new("--snapshot", "work on a snapshot file instead of the live Windows host", "FILE") { Aliases = ["-s"] };
    public static readonly OptionSpec Var = new("--var", "set a baseline variable (repeatable; arrays as a,b,c)", "NAME=VALUE") { Repeatable = true };
    public static readonly OptionSpec VarSecret = new("--var-secret", "the same, and the value is masked (***) in reports, logs and the journal", "NAME=VALUE") { Repeatable = true };
    public static readonly OptionSpec Vars = new("--vars", "variables from a JSON object file", "FILE");
    public static readonly OptionSpec Output = new("--output", "report format", "FORMAT") { Aliases = ["-o"] };
    public static readonly OptionSpec Out = new("--out", "write the result to FILE instead of standard output", "FILE");
    public static readonly OptionSpec StateDir = new("--state-dir", "journal, lock and logs (default %ProgramData%\\BackupReconciler, elsewhere ~/.local/state/backup-reconciler)", "DIR");
    public static readonly OptionSpec Verbose = new("--verbose", "more log lines on standard error") { Aliases = ["-v"] };
    public static readonly OptionSpec NoColor = new("--no-color", "no colour in the report (also when NO_COLOR is set or the output is redirected)");
    public static readonly OptionSpec WhatIf = new("--what-if", "only show what would change; change nothing (exits as plan does)") { Aliases = ["--whatif"] };
    public static readonly OptionSpec DetailedExitCodes = new("--detailed-exitcodes", "exit 2 when changes were made, 4 on failures, 6 both (manual findings alone: 0)");
    public static readonly OptionSpec LockTimeout = new("--lock-timeout", "wait this long for another run on the host to finish (default 0)", "SECONDS");
    public static readonly OptionSpec RestartWindow = new("--restart-window", "restart services backup work needs only in these host-local hours; others are deferred to a later run", "HH:MM-HH:MM");
    public static readonly OptionSpec RestartNow = new("--restart-now", "restart even while backup work runs or outside the window");
    public static readonly OptionSpec Force = new("--force", "also where a value changed again since the run, or over a damaged journal");
    public static readonly OptionSpec Interval = new("--interval", "time between runs (10% jitter), such as 30m or 1h", "DURATION");
    public static readonly OptionSpec Runs = new("--runs", "stop after N runs", "N");
    public static readonly OptionSpec SavePlan = new("--save-plan", "keep the plan (differences with the values seen) for apply --plan", "FILE");
    public static readonly OptionSpec Plan = new("--plan", "apply exactly a saved plan; refused if the host or baseline moved", "FILE");

    public static readonly OptionSpec Every = new("--every", "how often the scheduled apply runs (default 30m, from 1m to 31d)", "DURATION");
    public static readonly OptionSpec Audit = new("--audit", "the scheduled runs are what-if audits that change nothing");
    public static readonly OptionSpec Since = new("--since", "the window to look back over, such as 7d (default) or 1d12h", "DURATION");
    public static readonly OptionSpec BaselineName = new("--baseline", "only runs of that baseline (its name, as in the baseline file)", "NAME");
    public static readonly OptionSpec Keep = new("--keep", "delete complete journals of runs older than this (default 90d; interrupted and damaged journals are kept)", "DURATION");

    /// <summary>Options every verb takes: where logs go, how much is logged, whether the report is coloured.</summary>
    public static readonly IReadOnlyList<OptionSpec> Common = [StateDir, Verbose, NoColor];

    /// <summary>Where the values come from that a baseline's variables take.</summary>
    public static readonly IReadOnlyList<OptionSpec> Variables = [Var, VarSecret, Vars];
}
