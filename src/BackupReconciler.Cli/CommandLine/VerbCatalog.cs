using static BackupReconciler.Cli.CommandLine.OptionSpecs;

namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// The verbs of backup-reconciler: one registration each. Adding a verb is one entry here (its kind, what it may
/// change, what it works on and takes, its options from <see cref="OptionSpecs"/>, new ones declared there), its
/// <see cref="VerbKind"/> and its dispatch in <see cref="CliApplication"/>, and, for a new option, one line in <see cref="CliOptions.From"/>.
/// </summary>
public static class VerbCatalog
{
    private static readonly OutputFormat[] Reports = [OutputFormat.Text, OutputFormat.Json, OutputFormat.JUnit];
    private static readonly OptionSpec[] Applying = [WhatIf, DetailedExitCodes, LockTimeout, RestartWindow, RestartNow, Keep];

    public static readonly IReadOnlyList<VerbSpec> All =
    [
        new(VerbKind.Validate, "validate", "check baselines (syntax, types, ids, variables) without touching a host", "BASELINE...",
            [.. Variables, .. Common],
            "backup-reconciler validate baselines/dpm-server.json baselines/mars-agent.json") { Effect = VerbEffect.ReadOnly, Subject = VerbSubject.GivenFiles, Takes = VerbArgument.Baselines },
        new(VerbKind.Test, "test", "is the host in the desired state? (changes nothing; exit 2 on drift or manual findings)", "BASELINE",
            [OptionSpecs.Snapshot, .. Variables, Out, .. Common],
            "backup-reconciler test baselines/dpm-server.json -o junit --out results.xml") { Outputs = Reports, Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline },
        new(VerbKind.Plan, "plan", "what apply would change, property by property, and the restarts it would do (changes nothing)", "BASELINE",
            [OptionSpecs.Snapshot, .. Variables, Out, SavePlan, RestartWindow, .. Common],
            "backup-reconciler plan baselines/dpm-protected-server.json --snapshot samples/dpm-protected-server.drifted.json") { Outputs = Reports, Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline },
        new(VerbKind.Apply, "apply", "change the host to the desired state, verify, restart services once", "BASELINE",
            [OptionSpecs.Snapshot, .. Variables, Out, Plan, .. Applying, .. Common],
            "backup-reconciler apply baselines/dpm-server.json --vars dpm.vars.json --detailed-exitcodes",
            "backup-reconciler apply baselines/dpm-server.json --what-if") { Outputs = Reports, Effect = VerbEffect.ChangesHostJournaled, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline },
        new(VerbKind.Get, "get", "the actual state of the declared resources, as JSON", "BASELINE",
            [OptionSpecs.Snapshot, .. Variables, Out, .. Common],
            "backup-reconciler get baselines/mars-agent.json --out mars01.state.json") { Outputs = [OutputFormat.Json], Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline },
        new(VerbKind.Runs, "runs", "the runs recorded in the state directory: complete or interrupted", null,
            [Out, .. Common],
            "backup-reconciler runs -o json") { Outputs = [OutputFormat.Text, OutputFormat.Json], Effect = VerbEffect.ReadOnly, Subject = VerbSubject.StateDirectory, Takes = VerbArgument.None },
        new(VerbKind.Undo, "undo", "set back what that run changed (newest first), where it can be undone", "RUN-ID",
            [OptionSpecs.Snapshot, Out, Force, .. Applying, .. Common],
            "backup-reconciler undo 20261122T010000Z-3f2a --what-if") { Outputs = Reports, Effect = VerbEffect.ChangesHostJournaled, Subject = VerbSubject.Host, Takes = VerbArgument.RunId },
        new(VerbKind.Watch, "watch", "apply again and again (never overlapping), one summary line per run, until Ctrl+C", "BASELINE",
            [OptionSpecs.Snapshot, .. Variables, Interval, Runs, WhatIf, LockTimeout, RestartWindow, RestartNow, Keep, .. Common],
            "backup-reconciler watch baselines/dpm-server.json --interval 30m") { Effect = VerbEffect.ChangesHostJournaled, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline },
        new(VerbKind.Snapshot, "snapshot", "capture the host into a snapshot file: what the baselines read, volumes, shadow storage, exclusions", "BASELINE...",
            [OptionSpecs.Snapshot, .. Variables, Out, .. Common],
            "backup-reconciler snapshot baselines/dpm-server.json --vars dpm.vars.json --out dpm01.snapshot.json") { Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.BaselinesOrNone },
        new(VerbKind.ImportReg, "import-reg", "turn a .reg file into a baseline of registry resources", "FILE.reg",
            [Out, .. Common],
            "backup-reconciler import-reg KB971411.reg --out baselines/kb971411.json") { Effect = VerbEffect.ReadOnly, Subject = VerbSubject.GivenFiles, Takes = VerbArgument.RegFile },
        new(VerbKind.Detect, "detect", "which shipped role baselines apply to the host, with the evidence", null,
            [OptionSpecs.Snapshot, Out, .. Common],
            "backup-reconciler detect -o json") { Outputs = [OutputFormat.Text, OutputFormat.Json], Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.None },
        new(VerbKind.History, "history", "the settings applying runs corrected: how often, when last, and which are fought over", null,
            [Since, BaselineName, Out, .. Common],
            "backup-reconciler history --since 30d -o html --out history.html") { Outputs = [OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Html], Effect = VerbEffect.ReadOnly, Subject = VerbSubject.StateDirectory, Takes = VerbArgument.None },
        new(VerbKind.ScheduleInstall, "schedule install", "register the task that applies the baseline as SYSTEM", "BASELINE",
            [Every, Vars, Audit, WhatIf, OptionSpecs.Snapshot, Var, VarSecret, .. Common],
            "backup-reconciler schedule install C:\\BackupReconciler\\baselines\\dpm-server.json --vars C:\\BackupReconciler\\dpm.vars.json --every 1h")
        {
            Details = "the baseline the task applies; its variables come from --vars only (--var and --var-secret are refused: a task's command line is readable by every administrator)",
            Effect = VerbEffect.ChangesHostSchedule, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline,
        },
        new(VerbKind.ScheduleShow, "schedule show", "the registered task", null,
            [OptionSpecs.Snapshot, .. Common],
            "backup-reconciler schedule show --snapshot dpm01.snapshot.json") { Effect = VerbEffect.ReadOnly, Subject = VerbSubject.Host, Takes = VerbArgument.None },
        new(VerbKind.ScheduleRemove, "schedule remove", "delete it", null,
            [WhatIf, OptionSpecs.Snapshot, .. Common],
            "backup-reconciler schedule remove --what-if") { Effect = VerbEffect.ChangesHostSchedule, Subject = VerbSubject.Host, Takes = VerbArgument.None },
        new(VerbKind.Report, "report", "the fleet's compliance from hosts' JSON reports", "REPORTS...",
            [
                new("--output", "text, json, markdown or html (default text)", "FORMAT"),
                Out,
                new("--stale-after", "hosts not seen for this long are flagged stale (default 7d)", "DURATION"),
            ],
            "backup-reconciler report \\\\fs01\\reports --output html --out fleet.html") { OwnParser = true, Effect = VerbEffect.ReadOnly, Subject = VerbSubject.GivenFiles, Takes = VerbArgument.Own },
        new(VerbKind.Dsc, "dsc", "the Microsoft DSC v3 resource BackupReconciler/Baseline: get, test, whatif, set or manifest", "get|test|whatif|set|manifest",
            [new("--input", "the instance JSON, instead of standard input", "JSON"), new("--out", "manifest: where to write it (default beside the exe)", "FILE")],
            "backup-reconciler dsc test < instance.json",
            "backup-reconciler dsc manifest") { OwnParser = true, Effect = VerbEffect.ChangesHostJournaled, Subject = VerbSubject.Host, Takes = VerbArgument.Own },
    ];

    /// <summary>
    /// The kind of verb a journal or report names as a run's command ("apply", "undo"), or null for a word no
    /// verb of this build writes: readers of those files decide on the kind, not on the spelling.
    /// </summary>
    public static VerbKind? KindOfCommand(string? command) =>
        All.FirstOrDefault(verb => verb.Subverb is null && verb.Word.Equals(command, StringComparison.Ordinal))?.Kind;
}
