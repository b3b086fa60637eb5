using BackupReconciler.Baselines;
using BackupReconciler.Cli.CommandLine;
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
    VerbSpec Verb,
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
    bool NoColor = false,
    bool Audit = false,
    Duration? Since = null,
    string? BaselineFilter = null,
    TimeSpan? Keep = null)
{
    /// <summary>Verbs that change the host, and so take the lock and write a journal.</summary>
    public bool Changes => Verb.ChangesHostUnderJournal;

    /// <summary>The run's command as the journal and the reports write it ("apply"): a format, so a string.</summary>
    public string Command => Verb.Word;

    private static readonly EnumNames<OutputFormat> Formats = new(
        ("text", OutputFormat.Text), ("json", OutputFormat.Json), ("junit", OutputFormat.JUnit), ("markdown", OutputFormat.Markdown), ("html", OutputFormat.Html));

    public static string FormatName(OutputFormat format) => Formats.NameOf(format);

    /// <summary>Parses a verb's command line (help, version and the verbs with parsers of their own are <see cref="ArgumentReader"/>'s).</summary>
    public static CliOptions Parse(IReadOnlyList<string> args) =>
        ArgumentReader.Default.Read(args) is CommandLineRequest.Run run
            ? From(run.Arguments)
            : throw Error("give a verb and its arguments; run backup-reconciler --help for the verbs.");

    /// <summary>The parsed arguments as this tool's options: values converted and checked, each mistake in one sentence.</summary>
    public static CliOptions From(ParsedArguments given)
    {
        // "schedule install": the word is "schedule", the sub-verb "install"; messages name the word.
        var verb = given.Verb.Word;
        var baselines = given.Positionals.ToList();
        var variables = new List<KeyValuePair<string, string>>();
        var secretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, secret) in new[] { (OptionSpecs.Var, false), (OptionSpecs.VarSecret, true) })
        {
            foreach (var pair in given.Values(option))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    // The value may be a secret: name only the option, never echo what was given.
                    throw Error(secret ? "--var-secret needs NAME=VALUE." : $"--var {pair}: write it as --var NAME=VALUE.");
                }

                variables.Add(new(pair[..equals], pair[(equals + 1)..]));
                if (secret)
                {
                    secretNames.Add(pair[..equals]);
                }
            }
        }

        var output = OutputFormat.Text;
        if (given.Value(OptionSpecs.Output) is { } format)
        {
            var allowed = given.Verb.Outputs;
            output = Formats.TryParse(format, out var parsed) && allowed.Contains(parsed)
                ? parsed
                : throw Error(allowed.Count == 1
                    ? $"--output {format}: {verb} writes {FormatName(allowed[0])} only."
                    : $"--output {format}: use {string.Join(", ", allowed.Take(allowed.Count - 1).Select(FormatName))} or {FormatName(allowed[^1])}.");
        }
        else if (given.Verb.Outputs.Count > 0)
        {
            output = given.Verb.Outputs[0];
        }

        TimeSpan? interval = null;
        if (given.Value(OptionSpecs.Interval) is { } every)
        {
            interval = Duration.TryParse(every, out var span) && span.Span >= TimeSpan.FromSeconds(1)
                ? span.Span
                : throw Error($"--interval {every}: give a duration of at least 1s, such as {Duration.Examples}.");
        }

        int? maxRuns = null;
        if (given.Value(OptionSpecs.Runs) is { } runs)
        {
            maxRuns = int.TryParse(runs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw Error($"--runs {runs}: give a whole number above 0.");
        }

        var lockTimeout = TimeSpan.Zero;
        if (given.Value(OptionSpecs.LockTimeout) is { } seconds)
        {
            lockTimeout = int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s <= 86400
                ? TimeSpan.FromSeconds(s)
                : throw Error($"--lock-timeout {seconds}: give whole seconds from 0 to 86400.");
        }

        // The verb that registers a task (show and remove take neither --var nor --every).
        if (given.Verb.TakesOption(OptionSpecs.Every))
        {
            // A scheduled run cannot be asked for a secret: name only the option, never echo the value.
            if (given.Values(OptionSpecs.VarSecret).Any())
            {
                throw Error(Schedule.ScheduleVerb.SecretRefused);
            }

            if (given.Values(OptionSpecs.Var).Any())
            {
                throw Error(Schedule.ScheduleVerb.VarRefused);
            }

            interval = Schedule.ScheduledRun.DefaultEvery;
            if (given.Value(OptionSpecs.Every) is { } period)
            {
                interval = Duration.TryParse(period, out var repeat) && repeat.Span >= Schedule.ScheduledRun.ShortestEvery && repeat.Span <= Schedule.ScheduledRun.LongestEvery
                    ? repeat.Span
                    : throw Error($"--every {period}: Task Scheduler repeats a task from every minute to every 31 days; give a duration such as 30m, 1h or 1d.");
            }
        }

        Duration? since = null;
        if (given.Value(OptionSpecs.Since) is { } sinceText)
        {
            since = Duration.TryParse(sinceText, out var sinceSpan) && sinceSpan.Span >= TimeSpan.FromMinutes(1)
                ? sinceSpan
                : throw Error($"--since {sinceText}: give a duration of at least 1m, such as 7d, 1d12h or 90d.");
        }

        TimeSpan? keep = null;
        if (given.Value(OptionSpecs.Keep) is { } retention)
        {
            keep = Duration.TryParse(retention, out var keepSpan) && keepSpan.Span >= TimeSpan.FromDays(1)
                ? keepSpan.Span
                : throw Error($"--keep {retention}: give a duration of at least 1d, such as 90d.");
        }

        RestartWindow? restartWindow = given.Value(OptionSpecs.RestartWindow) is { } window ? Engine.RestartWindow.Parse(window) : null;
        var plan = given.Value(OptionSpecs.Plan);
        var varsFile = given.Value(OptionSpecs.Vars);
        CheckArguments(given.Verb, baselines);
        if (given.Verb.Kind == VerbKind.Watch && interval is null)
        {
            throw Error("watch needs --interval, such as --interval 30m.");
        }

        if (plan is not null && (varsFile is not null || variables.Any(v => !secretNames.Contains(v.Key))))
        {
            throw Error("apply --plan takes its variables from the saved plan; give only --var-secret for secret ones.");
        }

        return new CliOptions(given.Verb, baselines, given.Value(OptionSpecs.Snapshot), new VariableInputs(variables, varsFile) { SecretNames = secretNames }, output,
            given.Value(OptionSpecs.Out), given.Value(OptionSpecs.StateDir), given.Has(OptionSpecs.Verbose), given.Has(OptionSpecs.WhatIf), given.Has(OptionSpecs.DetailedExitCodes),
            lockTimeout, given.Value(OptionSpecs.SavePlan), plan, given.Has(OptionSpecs.Force), interval, maxRuns, restartWindow, given.Has(OptionSpecs.RestartNow))
        {
            NoColor = given.Has(OptionSpecs.NoColor),
            Audit = given.Has(OptionSpecs.Audit),
            Since = since,
            BaselineFilter = given.Value(OptionSpecs.BaselineName),
            Keep = keep,
        };
    }

    /// <summary>How many positional arguments each verb takes, and that a baseline or .reg file is a file.</summary>
    private static void CheckArguments(VerbSpec spec, List<string> baselines)
    {
        if (spec.Takes == VerbArgument.RegFile && baselines.Count != 1)
        {
            throw Error($"{spec.Name} needs one .reg file: backup-reconciler {spec.Name} FILE.reg [--out BASELINE.json].");
        }

        // A verb without an argument has none here: the reader refuses any (ArgumentReader.Check).
        if (spec.Takes == VerbArgument.RunId && baselines.Count != 1)
        {
            throw Error($"{spec.Name} needs one run id: backup-reconciler {spec.Name} RUN-ID (backup-reconciler runs lists them).");
        }

        if (spec.Takes is VerbArgument.Baseline or VerbArgument.Baselines && baselines.Count == 0)
        {
            throw Error($"{spec.Name} needs a baseline file: backup-reconciler {spec.Name} BASELINE.json.");
        }

        if (spec.Takes == VerbArgument.Baseline && baselines.Count > 1)
        {
            throw Error($"{spec.Name} takes one baseline; got {baselines.Count} ({string.Join(", ", baselines)}). Combine them with \"include\".");
        }

        if (spec.Takes != VerbArgument.RunId && baselines.FirstOrDefault(Directory.Exists) is { } folder)
        {
            // Said here, before anything reads it: otherwise the loader's "cannot be read" hides the reason.
            var regFile = spec.Takes == VerbArgument.RegFile;
            var example = Directory.EnumerateFiles(folder, regFile ? "*.reg" : "*.json").Order(StringComparer.Ordinal).FirstOrDefault();
            var kind = regFile ? "a .reg file" : "a baseline file";
            throw Error($"{folder} is a directory; give {kind}{(example is null ? "" : $", such as {example}")}.");
        }
    }

    private static InputException Error(string problem) => new(null, problem);
}
