using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;

namespace BackupReconciler.Cli;

public enum OutputFormat
{
    Text,
    Json,
    JUnit,
    Markdown,
    Html,
}

/// <summary>A parsed command line. Parsing is strict: an unknown option is an error, never ignored.</summary>
public sealed record CliOptions(
    string Verb,
    IReadOnlyList<string> Baselines,
    string? Snapshot,
    VariableInputs Variables,
    OutputFormat Output,
    string? OutFile,
    string? StateDirectory,
    bool Verbose,
    bool WhatIf,
    bool DetailedExitCodes,
    TimeSpan LockTimeout,
    string? SavePlan = null,
    string? Plan = null,
    bool Force = false,
    TimeSpan? Interval = null,
    int? MaxRuns = null,
    RestartWindow? RestartWindow = null,
    bool RestartNow = false,
    bool Audit = false,
    bool NoColor = false,
    Duration? Since = null,
    string? BaselineFilter = null,
    TimeSpan? Keep = null)
{
    public static readonly string[] Verbs = ["validate", "test", "plan", "apply", "get", "runs", "undo", "watch", "snapshot", "import-reg", "detect", "history", "schedule"];

    /// <summary>Verbs that change the host, and so take the lock and write a journal.</summary>
    public bool Changes => Verb is "apply" or "undo" or "watch";

    private static readonly EnumNames<OutputFormat> Formats = new(("text", OutputFormat.Text), ("json", OutputFormat.Json), ("junit", OutputFormat.JUnit));

    private static readonly EnumNames<OutputFormat> HistoryFormats = new(("text", OutputFormat.Text), ("json", OutputFormat.Json), ("markdown", OutputFormat.Markdown), ("html", OutputFormat.Html));

    public const string Usage = """
        usage: backup-reconciler <verb> BASELINE [options]

        verbs:
          validate BASELINE...   check baselines (syntax, types, ids, variables) without touching a host
          test     BASELINE      is the host in the desired state? (changes nothing)
          plan     BASELINE      what would apply change, property by property (changes nothing)
          apply    BASELINE      change the host to the desired state, verify, restart services once
          get      BASELINE      the actual state of the declared resources, as JSON
          runs                   the runs recorded in the state directory: complete or interrupted
          undo     RUN-ID        set back what that run changed (newest first), where it can be undone
          watch    BASELINE --interval 30m   apply again and again (never overlapping), until Ctrl+C
          snapshot [BASELINE...] capture the host into a snapshot file: what the baselines read, volumes,
                                 shadow storage and antivirus exclusions (changes nothing)
          import-reg FILE.reg    turn a .reg file into a baseline of registry resources (--out BASELINE.json)
          detect                 which shipped role baselines apply to the host, with the evidence
          history                the settings applying runs corrected, how often, when last, by which run;
                                 fought over when corrected by 3 or more runs (--output text|json|markdown|html)
          report   REPORTS...    the fleet's compliance from hosts' JSON reports (--output text|json|markdown|html)
          dsc      get|test|set|manifest   the Microsoft DSC v3 resource BackupReconciler/Baseline
          schedule install BASELINE [--every 30m] [--vars FILE] [--audit]   register the task that applies
                                 the baseline as SYSTEM on that interval (Task Scheduler); schedule show|remove

        options:
          --snapshot FILE        work on a snapshot file instead of the live Windows host
          --var NAME=VALUE       set a baseline variable (repeatable; arrays as a,b,c)
          --var-secret NAME=VALUE  the same, and the value is masked (***) in reports, logs and the journal
          --vars FILE            variables from a JSON object file
          --output text|json|junit   report format (default text)
          --out FILE             write the report to FILE instead of standard output
          --state-dir DIR        journal, lock and logs (default %ProgramData%\BackupReconciler)
          --what-if              apply, undo, schedule: only show what would change
          --every DURATION       schedule install: time between scheduled runs (default 30m, 1m to 31d)
          --audit                schedule install: the scheduled runs are what-if audits that change nothing
          --force                undo: also where a value changed again since the run
          --interval DURATION    watch: time between runs (10% jitter), such as 30m or 1h
          --runs N               watch: stop after N runs
          --save-plan FILE       plan: keep the plan (differences with the values seen) for apply --plan
          --plan FILE            apply: apply exactly a saved plan; refused if the host or baseline moved
          --detailed-exitcodes   apply: exit 2 when changes were made (0/2/4/6 as test and plan)
          --lock-timeout SECONDS apply: wait this long for another run on the host to finish (default 0)
          --restart-window HH:MM-HH:MM  plan, apply, undo, watch: restart services backup work needs only in
                                 these host-local hours; others are deferred to a later run
          --restart-now          apply, undo, watch: restart even while backup work runs or outside the window
          --verbose              more log lines on standard error; why and reference for compliant resources too
          --no-color             no colour in the text report (also when NO_COLOR is set or output is redirected)
          --since DURATION       history: the window, such as 7d (default) or 1d12h
          --baseline NAME        history: only runs of that baseline (its name, as in the baseline file)
          --keep DURATION        apply, undo, watch: delete complete journals of runs older than this
                                 (default 90d; interrupted and damaged journals are kept)

        exit codes: 0 nothing to change · 2 changes or drift · 4 failures · 6 both · 1 nothing was done
        """;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw Error("no verb given; run backup-reconciler --help for the verbs.");
        }

        var verb = args[0];
        if (!Verbs.Contains(verb, StringComparer.Ordinal))
        {
            throw Error($"\"{verb}\" is not a verb{JsonObjectReader.Suggest(verb, Verbs)}; the verbs are: {string.Join(", ", Verbs)}.");
        }

        var baselines = new List<string>();
        var variables = new List<KeyValuePair<string, string>>();
        var secretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? snapshot = null, varsFile = null, outFile = null, stateDir = null;
        var output = OutputFormat.Text;
        bool verbose = false, whatIf = false, detailed = false;
        var lockTimeout = TimeSpan.Zero;
        var force = false;
        TimeSpan? interval = null;
        int? maxRuns = null;
        string? savePlan = null, plan = null;
        RestartWindow? restartWindow = null;
        var restartNow = false;
        var audit = false;
        var noColor = false;
        Duration? since = null;
        string? baselineFilter = null;
        TimeSpan? keep = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw Error($"{arg} needs a value.");

            switch (arg)
            {
                case "--snapshot": snapshot = Value(); break;
                case "--vars": varsFile = Value(); break;
                case "--out": outFile = Value(); break;
                case "--state-dir": stateDir = Value(); break;
                case "--verbose": verbose = true; break;
                case "--no-color": noColor = true; break;
                case "--what-if" when verb is "apply" or "undo" or "watch" or "schedule": whatIf = true; break;
                case "--interval" when verb == "watch":
                    var text = Value();
                    interval = Duration.TryParse(text, out var every) && every.Span >= TimeSpan.FromSeconds(1)
                        ? every.Span
                        : throw Error($"--interval {text}: give a duration of at least 1s, such as {Duration.Examples}.");
                    break;
                case "--every" when verb == "schedule":
                    var period = Value();
                    interval = Duration.TryParse(period, out var repeat) && repeat.Span >= Schedule.ScheduledRun.ShortestEvery && repeat.Span <= Schedule.ScheduledRun.LongestEvery
                        ? repeat.Span
                        : throw Error($"--every {period}: Task Scheduler repeats a task from every minute to every 31 days; give a duration such as 30m, 1h or 1d.");
                    break;
                case "--audit" when verb == "schedule": audit = true; break;
                case "--var-secret" when verb == "schedule": throw Error(Schedule.ScheduleVerb.SecretRefused);
                case "--var" when verb == "schedule": throw Error(Schedule.ScheduleVerb.VarRefused);
                case "--runs" when verb == "watch":
                    var runs = Value();
                    maxRuns = int.TryParse(runs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw Error($"--runs {runs}: give a whole number above 0.");
                    break;
                case "--detailed-exitcodes" when verb is "apply" or "undo": detailed = true; break;
                case "--force" when verb == "undo": force = true; break;
                case "--save-plan" when verb == "plan": savePlan = Value(); break;
                case "--plan" when verb == "apply": plan = Value(); break;
                case "--lock-timeout" when verb is "apply" or "undo" or "watch":
                    var seconds = Value();
                    lockTimeout = int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s <= 86400
                        ? TimeSpan.FromSeconds(s)
                        : throw Error($"--lock-timeout {seconds}: give whole seconds from 0 to 86400.");
                    break;
                case "--restart-window" when verb is "plan" or "apply" or "undo" or "watch": restartWindow = Engine.RestartWindow.Parse(Value()); break;
                case "--restart-now" when verb is "apply" or "undo" or "watch": restartNow = true; break;
                case "--since" when verb == "history":
                    var window = Value();
                    since = Duration.TryParse(window, out var sinceSpan) && sinceSpan.Span >= TimeSpan.FromMinutes(1)
                        ? sinceSpan
                        : throw Error($"--since {window}: give a duration of at least 1m, such as 7d, 1d12h or 90d.");
                    break;
                case "--baseline" when verb == "history": baselineFilter = Value(); break;
                case "--keep" when verb is "apply" or "undo" or "watch":
                    var retention = Value();
                    keep = Duration.TryParse(retention, out var keepSpan) && keepSpan.Span >= TimeSpan.FromDays(1)
                        ? keepSpan.Span
                        : throw Error($"--keep {retention}: give a duration of at least 1d, such as 90d.");
                    break;
                case "--output" when verb == "history":
                    var historyFormat = Value();
                    output = HistoryFormats.TryParse(historyFormat, out var historyParsed) ? historyParsed : throw Error($"--output {historyFormat}: use text, json, markdown or html.");
                    break;
                case "--output":
                    var format = Value();
                    output = Formats.TryParse(format, out var parsed) ? parsed : throw Error($"--output {format}: use text, json or junit.");
                    break;
                case "--var" or "--var-secret":
                    var pair = Value();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        // The value may be a secret: name only the option, never echo what was given.
                        throw Error(arg == "--var" ? $"--var {pair}: write it as --var NAME=VALUE." : "--var-secret needs NAME=VALUE.");
                    }

                    variables.Add(new(pair[..equals], pair[(equals + 1)..]));
                    if (arg == "--var-secret")
                    {
                        secretNames.Add(pair[..equals]);
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        if (arg.IndexOf('=', StringComparison.Ordinal) is var joined and > 2)
                        {
                            // "--var-secret=NAME=VALUE": never echo what follows the '=', it may be the secret.
                            throw Error($"{arg[..joined]}=...: options take their value after a space, as {arg[..joined]} VALUE.");
                        }

                        var known = new[] { "--snapshot", "--vars", "--var", "--var-secret", "--save-plan", "--plan", "--force", "--interval", "--runs", "--out", "--output", "--state-dir", "--verbose", "--what-if", "--detailed-exitcodes", "--lock-timeout", "--restart-window", "--restart-now", "--every", "--audit", "--no-color", "--since", "--baseline", "--keep" };
                        throw Error($"{arg} is not an option of {verb}{JsonObjectReader.Suggest(arg, known)}; run backup-reconciler --help.");
                    }

                    baselines.Add(arg);
                    break;
            }
        }

        if (verb == "schedule")
        {
            if (baselines is not (["install", _] or ["show"] or ["remove"]))
            {
                throw Error("schedule needs what to do: schedule install BASELINE [--every 30m] [--vars FILE] [--audit], schedule show, or schedule remove.");
            }

            if (baselines[0] != "install" && (varsFile is not null || interval is not null || audit))
            {
                throw Error($"--vars, --every and --audit are for schedule install; schedule {baselines[0]} takes none of them.");
            }

            return new CliOptions(verb, baselines, snapshot, new VariableInputs(variables, varsFile), output, outFile, stateDir, verbose, whatIf, detailed, lockTimeout,
                Interval: interval ?? Schedule.ScheduledRun.DefaultEvery, Audit: audit);
        }

        if (verb == "import-reg" && baselines.Count != 1)
        {
            throw Error("import-reg needs one .reg file: backup-reconciler import-reg FILE.reg [--out BASELINE.json].");
        }

        if (verb is "runs" or "detect" or "history")
        {
            if (baselines.Count > 0)
            {
                throw Error($"{verb} takes no baseline; got {string.Join(", ", baselines)}.");
            }
        }
        else if (verb == "undo" && baselines.Count != 1)
        {
            throw Error("undo needs one run id: backup-reconciler undo RUN-ID (backup-reconciler runs lists them).");
        }
        else if (baselines.Count == 0 && verb != "snapshot")
        {
            throw Error($"{verb} needs a baseline file: backup-reconciler {verb} BASELINE.json.");
        }

        if (verb is not ("validate" or "snapshot" or "import-reg") && baselines.Count > 1)
        {
            throw Error($"{verb} takes one baseline; got {baselines.Count} ({string.Join(", ", baselines)}). Combine them with \"include\".");
        }

        if (verb == "watch" && interval is null)
        {
            throw Error("watch needs --interval, such as --interval 30m.");
        }

        if (plan is not null && (varsFile is not null || variables.Any(v => !secretNames.Contains(v.Key))))
        {
            throw Error("apply --plan takes its variables from the saved plan; give only --var-secret for secret ones.");
        }

        return new CliOptions(verb, baselines, snapshot, new VariableInputs(variables, varsFile) { SecretNames = secretNames }, output, outFile, stateDir, verbose, whatIf, detailed, lockTimeout, savePlan, plan, force, interval, maxRuns, restartWindow, restartNow, audit, noColor, since, baselineFilter, keep);
    }

    private static InputException Error(string problem) => new(null, problem);
}
