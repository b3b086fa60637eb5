using BackupReconciler.Baselines;
using BackupReconciler.Cli.CommandLine;
using BackupReconciler.Cli.Reports;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Cli;

/// <summary>The command line: parse, load, run, report, exit code. User mistakes print one sentence and exit 1.</summary>
public sealed class CliApplication(TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken stop = default)
{
    /// <summary>Masks secret variables in everything this run writes; filled as secrets become known.</summary>
    private readonly SecretRedactor _redactor = new();

    /// <summary>The program a scheduled task starts (<c>schedule install</c>); this process unless a test says otherwise.</summary>
    public Schedule.ProgramInvocation? ScheduledProgram { get; init; }

    /// <summary>
    /// The live machine's event log source registrar, for <c>schedule install</c> on the live host only: a
    /// snapshot's schedule never registers anything on the machine that runs this.
    /// </summary>
    public IEventSourceRegistrar? EventSources { get; init; }

    /// <summary>Where <c>dsc</c> reads the instance JSON when --input is absent.</summary>
    public TextReader StandardInput { get; init; } = TextReader.Null;

    /// <summary>Whether standard output and error are terminals and NO_COLOR is set: colour and progress depend on it.</summary>
    public ConsoleTraits Terminal { get; init; } = ConsoleTraits.Redirected;

    /// <summary>Where a long run is (a <see cref="ProgressLine"/> while a verb runs); erased before the report is written.</summary>
    private Action<ResourceProgress> _progress = _ => { };

    private Action _endProgress = () => { };

    /// <summary>How long a verb runs before its progress line appears on a terminal (<see cref="ProgressLine.Delay"/>).</summary>
    public TimeSpan ProgressDelay { get; init; } = ProgressLine.Delay;

    /// <summary>Where applying runs write their events (the Windows event log on Windows); null writes none.</summary>
    public IEventLogWriter? EventLogWriter { get; init; }

    /// <summary>Facts for <c>validate</c>, which reads no host: typical values, so fact variables resolve.</summary>
    private static readonly Dictionary<string, string> PlaceholderFacts = new(HostFacts.Typical(), StringComparer.OrdinalIgnoreCase)
    {
        ["ComputerName"] = "COMPUTER",
    };

    /// <summary>Whether this run changes the host (apply, undo, watch without --what-if): known once the arguments are parsed.</summary>
    public bool ChangesHost => _changesHost || _dsc?.ChangesHost == true;

    /// <summary>The DSC resource's command while it runs (its <c>set</c> changes the host).</summary>
    private volatile Dsc.DscCommand? _dsc;

    private volatile bool _changesHost;

    public int Run(string[] args)
    {
        if (args is ["--help" or "-h" or "-?" or "/?" or "help"])
        {
            stdout.Write(GeneralHelp.Text.ReplaceLineEndings("\n") + "\n");
            return ExitCodes.NoChanges;
        }

        CliOptions options;
        try
        {
            var expanded = ResponseFiles.Expand(args);

            // Known before anything is printed, even a complaint about the very argument that holds one.
            _redactor.Add(SecretArguments(expanded));
            switch (ArgumentReader.Default.ReadExpanded(expanded))
            {
                case CommandLineRequest.Print print:
                    stdout.Write(print.Text);
                    return print.ExitCode;

                // Integrations with contracts of their own (DSC's JSON lines, the fleet view) parse their own arguments.
                case CommandLineRequest.PassThrough { Verb.Kind: VerbKind.Dsc } dsc:
                    _dsc = new Dsc.DscCommand(StandardInput, stdout, stderr, clock, stop);
                    return _dsc.Run(dsc.Arguments);
                case CommandLineRequest.PassThrough { Verb.Kind: VerbKind.Report } report:
                    return new Fleet.FleetReportCommand(stdout, stderr, clock).Run(report.Arguments);
                case CommandLineRequest.Run run:
                    options = CliOptions.From(run.Arguments);
                    break;
                case var other:
                    throw new InvalidOperationException($"no dispatch for {other}");
            }
        }
        catch (InputException e)
        {
            stderr.WriteLine(_redactor.Redact($"error: {e.Message}"));
            return ExitCodes.NothingDone;
        }

        _changesHost = options.Changes && !options.WhatIf;
        var stateDirectory = StateDirectory.Resolve(options.StateDirectory);
        _redactor.Add(options.Variables.CommandLine.Where(v => options.Variables.SecretNames.Contains(v.Key)).Select(v => v.Value));
        if (_changesHost)
        {
            try
            {
                StateDirectory.EnsureUsable(stateDirectory);
            }
            catch (InputException e)
            {
                stderr.WriteLine(_redactor.Redact($"error: {e.Message}"));
                return ExitCodes.NothingDone;
            }
        }

        using var log = Logging.Create(stateDirectory, options.Verbose, stderr, _redactor, EventLogWriter, changesHost: _changesHost);
        // Not for watch: its lines are a log, written between runs.
        using var progress = new ProgressLine(stderr, Terminal.ErrorIsTerminal && options.Verb.Kind != VerbKind.Watch, clock, ProgressDelay);
        (_progress, _endProgress) = (progress.Report, progress.Dispose);
        try
        {
            return Execute(options, stateDirectory, log);
        }
        catch (InputException e)
        {
            _endProgress();
            log.Debug("User error: {Message}", e.Message);
            stderr.WriteLine(_redactor.Redact($"error: {e.Message}"));
            return ExitCodes.NothingDone;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _endProgress();
            log.Fatal(e, "Unexpected failure");
            stderr.WriteLine(_redactor.Redact($"error: unexpected failure: {e.Message} (the log in the state directory has the details)"));
            return ExitCodes.Failures;
        }
    }

    /// <summary>The values given with --var-secret (any case, joined with = or : or not), whatever else on the line is wrong.</summary>
    private static IEnumerable<string> SecretArguments(IReadOnlyList<string> args)
    {
        const string option = "--var-secret";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var pair = arg.Equals(option, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count ? args[i + 1]
                : arg.Length > option.Length && arg.StartsWith(option, StringComparison.OrdinalIgnoreCase) && arg[option.Length] is '=' or ':' ? arg[(option.Length + 1)..]
                : null;
            if (pair is null)
            {
                continue;
            }

            yield return pair;
            if (pair.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0)
            {
                yield return pair[(equals + 1)..];
            }
        }
    }

    private int Execute(CliOptions options, string stateDirectory, ILogger log)
    {
        // history and runs read only the journals: answered before the resource catalog is built.
        if (options.Verb.Kind == VerbKind.History)
        {
            WriteReport(options, History.HistoryCommand.Render(stateDirectory, options.Since, options.BaselineFilter, options.Output, clock.GetUtcNow()));
            return ExitCodes.NoChanges;
        }

        if (options.Verb.Kind == VerbKind.Runs)
        {
            WriteReport(options, RunsReport.Render(RunRecord.All(stateDirectory), options.Output));
            return ExitCodes.NoChanges;
        }

        var loader = new BaselineLoader(ResourceCatalog.Default);
        if (options.Verb.Kind == VerbKind.Validate)
        {
            return Validate(options, loader);
        }

        if (options.Verb.Kind is VerbKind.ScheduleInstall or VerbKind.ScheduleShow or VerbKind.ScheduleRemove)
        {
            return Schedule(options);
        }

        if (options.Verb.Kind == VerbKind.Watch)
        {
            return Watch(options, stateDirectory, log, loader);
        }

        if (options.Verb.Kind == VerbKind.ImportReg)
        {
            WriteReport(options, ImportRegCommand.Import(options, log, stderr));
            return ExitCodes.NoChanges;
        }

        var host = OpenHost(options);

        // The live host holds a WMI session for the run; a snapshot host holds nothing.
        using var hostLifetime = host as IDisposable;
        if (options.Verb.Kind == VerbKind.Snapshot)
        {
            var (document, exitCode) = SnapshotCommand.Capture(options, host, loader, log, clock, _redactor);
            WriteReport(options, document);
            return exitCode;
        }

        if (options.Verb.Kind == VerbKind.Undo)
        {
            return Undo(options, stateDirectory, host, log);
        }

        if (options.Verb.Kind == VerbKind.Detect)
        {
            var (report, exitCode) = DetectCommand.Run(options, host);
            WriteReport(options, report);
            return exitCode;
        }

        var plan = options.Plan is null ? null : SavedPlan.Load(options.Plan);
        var variables = plan is null ? options.Variables : options.Variables with { Recorded = plan.Variables };
        var baseline = loader.Load(options.Baselines[0], variables, host.Facts, _redactor);
        if (options.Verb.Kind == VerbKind.Get)
        {
            WriteReport(options, Get(WhatIfReconciler(options, stateDirectory, host, log), baseline, host));
            return ExitCodes.NoChanges;
        }

        var whatIf = !options.Changes || options.WhatIf;
        if (plan is not null)
        {
            plan.EnsureFits(baseline, host, options.Plan!);
        }

        var run = whatIf
            ? WhatIfReconciler(options, stateDirectory, host, log).Run(baseline, options.Command, whatIf: true)
            : ApplyUnderLock(options, stateDirectory, host, baseline, log, plan);
        if (whatIf && plan is not null)
        {
            // apply --plan --what-if shows what apply --plan would do, which is nothing when the plan no longer fits.
            plan.EnsureStillMatches(run, options.Plan!, _redactor, whatIf: true);
        }

        if (options.SavePlan is not null)
        {
            SavedPlan.From(run, baseline, variables).Save(options.SavePlan, _redactor);
        }

        return Report(options, run, whatIf);
    }

    private int Report(CliOptions options, RunResult run, bool whatIf)
    {
        // What-if exits as plan does; an applying run says whether it made changes (detailed) or only whether it failed.
        var exitCode = whatIf ? ExitCodes.Detailed(run) : options.DetailedExitCodes ? ExitCodes.Applied(run) : ExitCodes.Simple(run);
        if (!whatIf && stop.IsCancellationRequested)
        {
            // Stopped on request: resources were left unrun, so the host is not known to be as desired.
            exitCode |= ExitCodes.Failures;
        }

        WriteReport(options, options.Output switch
        {
            OutputFormat.Json => JsonReport.Render(run, exitCode),
            OutputFormat.JUnit => JUnitReport.Render(run, _redactor.Reveals),
            _ => TextReport.Render(run, exitCode, new TextStyle(Terminal.ColourFor(options.NoColor, options.OutFile is not null), options.Verbose) { Secret = _redactor.Reveals }),
        });
        return exitCode;
    }

    /// <summary>
    /// watch: apply (or what-if) every interval with jitter, each run loading host and baseline afresh and
    /// taking the lock, so runs never overlap; Ctrl+C or a service stop ends it after the current run.
    /// A run that cannot start (baseline being edited, another run holding the lock) is logged and skipped.
    /// </summary>
    private int Watch(CliOptions options, string stateDirectory, ILogger log, BaselineLoader loader)
    {
        var interval = options.Interval!.Value;
        log.Information("Watching {Baseline} every {Interval}{WhatIf}", options.Baselines[0], interval, options.WhatIf ? " (what-if)" : "");
        for (var count = 1; !stop.IsCancellationRequested; count++)
        {
            try
            {
                var host = OpenHost(options);
                // The live host holds a WMI session for the run; a snapshot host holds nothing.
                using var hostLifetime = host as IDisposable;
                var baseline = loader.Load(options.Baselines[0], options.Variables, host.Facts, _redactor);
                var run = options.WhatIf
                    ? new Reconciler(host, log, clock) { Redact = _redactor.Redact, Restarts = WhatIfRestarts(options, stateDirectory, host) }.Run(baseline, options.Command, whatIf: true)
                    : ApplyUnderLock(options, stateDirectory, host, baseline, log);
                stdout.WriteLine(_redactor.Redact(WatchLine.Of(run)));
                stdout.Flush();
            }
            catch (InputException e) when (count > 1)
            {
                log.Error("Run {Count} of the watch did not start: {Problem}", count, e.Message);
            }

            if (options.MaxRuns is { } most && count >= most)
            {
                break;
            }

            var delay = interval * (0.9 + (0.2 * Random.Shared.NextDouble()));
            try
            {
                Task.Delay(delay, clock, stop).Wait(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or AggregateException)
            {
                break;
            }
        }

        log.Information("Watch stopped");
        return ExitCodes.NoChanges;
    }

    /// <summary>undo RUN-ID: the run's journal becomes a baseline of inverse changes, run like apply.</summary>
    private int Undo(CliOptions options, string stateDirectory, IHost host, ILogger log)
    {
        var journal = JournalFiles.Find(stateDirectory, options.Baselines[0])
            ?? throw new InputException(null, $"there is no run {options.Baselines[0]} in {FileRunJournal.RunsFolder(stateDirectory)}; backup-reconciler runs lists the runs.");
        var runId = JournalFiles.RunIdOf(journal);

        var record = RunRecord.Read(journal);
        if (record.Unreadable)
        {
            throw new InputException(SourceLocation.OfFile(journal), $"run {runId} cannot be undone: {string.Join("; ", record.Damage)}; nothing was undone.");
        }

        if (record.Damaged && !options.Force)
        {
            // A damaged line may have recorded a change: undoing the rest silently would claim a full undo.
            throw new InputException(SourceLocation.OfFile(journal),
                $"run {runId}'s journal is damaged ({string.Join("; ", record.Damage)}), so undo cannot know everything the run changed, and nothing was undone; "
                + $"pass --force to take back what the readable lines record (whatever line{(record.DamagedLines.Count == 1 ? "" : "s")} {string.Join(", ", record.DamagedLines)} recorded cannot be taken back).");
        }

        if (record.Damaged)
        {
            log.Warning("Undo of {RunId} forced over a damaged journal: what lines {Lines} recorded is not taken back", runId, string.Join(", ", record.DamagedLines));
        }

        if (!record.Host.Equals(host.ComputerName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(null, $"run {runId} changed {record.Host}, not {host.ComputerName}; undo it on that host.");
        }

        var baseline = new UndoPlanner(ResourceCatalog.Default, _redactor).Plan(journal, record, options.Force);
        var run = options.WhatIf
            ? WhatIfReconciler(options, stateDirectory, host, log).Run(baseline, options.Command, whatIf: true)
            : ApplyUnderLock(options, stateDirectory, host, baseline, log);
        return Report(options, run, options.WhatIf);
    }

    private RunResult ApplyUnderLock(CliOptions options, string stateDirectory, IHost host, Baseline baseline, ILogger log, SavedPlan? plan = null)
    {
        var run = new GuardedRun(stateDirectory, clock, log, _redactor, stop) { Progress = _progress }.Apply(
            host, baseline, options.Command, $"{options.Command} {options.Baselines[0]}", options.LockTimeout, plan is null ? null : (plan, options.Plan!),
            new RestartPolicy(options.RestartWindow, options.RestartNow, []));
        WindowsEvents.RunEvents.Write(log, run, stop.IsCancellationRequested);
        History.JournalRetention.Prune(stateDirectory, options.Keep ?? History.JournalRetention.Default, clock.GetUtcNow(), run.RunId, log);
        return run;
    }

    /// <summary>What-if shows the restarts an apply would do now: with the window, the override, and what earlier runs deferred.</summary>
    /// <summary>
    /// The engine of a run that changes nothing. An applying run makes its own under the lock (GuardedRun), where the
    /// pending restarts are read when no other run can add to them; reading them here too was a second read for nothing.
    /// </summary>
    private Reconciler WhatIfReconciler(CliOptions options, string stateDirectory, IHost host, ILogger log) =>
        new(host, log, clock, stop) { Redact = _redactor.Redact, Restarts = WhatIfRestarts(options, stateDirectory, host), Progress = _progress };

    private static RestartPolicy WhatIfRestarts(CliOptions options, string stateDirectory, IHost host) =>
        new(options.RestartWindow, options.RestartNow, PendingRestarts.Read(stateDirectory, host.ComputerName));

    /// <summary>
    /// validate: every file given, every problem in each (errors and warnings on stderr, one line each, in file
    /// order), a line per file on stdout; exit 1 when any file has an error. A problem in an include that several
    /// of the given files share is printed once.
    /// </summary>
    private int Validate(CliOptions options, BaselineLoader loader)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        foreach (var file in options.Baselines)
        {
            var check = loader.Check(file, options.Variables, PlaceholderFacts, _redactor);
            foreach (var problem in check.InFileOrder())
            {
                var line = _redactor.Redact($"{(problem.Severity == ProblemSeverity.Error ? "error" : "warning")}: {problem}");
                if (printed.Add(line))
                {
                    stderr.WriteLine(line);
                }
            }

            if (check.NotListed > 0)
            {
                stderr.WriteLine($"error: {file}: at least {Count(check.NotListed, "more problem")} not listed (the search stops at that point); fix these first.");
            }

            var errors = check.Errors.Count();
            var warnings = check.Warnings.Count();
            var warned = warnings == 0 ? "" : $" ({Count(warnings, "warning")})";
            failed |= errors > 0;
            stdout.WriteLine(_redactor.Redact(errors == 0
                ? check.IsFragment
                    ? $"✓ {file}: fragment (an include file, checked on its own), {check.ResourceCount} resources, valid{warned}"
                    : $"✓ {file}: baseline \"{check.Name}\", {check.ResourceCount} resources, valid{warned}"
                : $"✗ {file}: {Count(errors, "error")}{(warnings == 0 ? "" : $", {Count(warnings, "warning")}")}"));
        }

        return failed ? ExitCodes.NothingDone : ExitCodes.NoChanges;
    }

    private int Schedule(CliOptions options)
    {
        var request = new Schedule.ScheduleRequest(options.Verb.Kind, options.Baselines.FirstOrDefault(), options.Variables.File, options.StateDirectory,
            options.Interval ?? BackupReconciler.Cli.Schedule.ScheduledRun.DefaultEvery, options.WhatIf, options.Audit, options.Snapshot);
        try
        {
            return BackupReconciler.Cli.Schedule.ScheduleVerb.Run(request, ScheduledProgram ?? BackupReconciler.Cli.Schedule.ProgramInvocation.Current(), EventSources, stdout, stderr, clock, _redactor);
        }
        catch (Schedule.ScheduleFailedException e)
        {
            stderr.WriteLine(_redactor.Redact($"error: {e.Message}"));
            return ExitCodes.Failures;
        }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private IHost OpenHost(CliOptions options) => HostOpener.Open(options.Snapshot, clock, "pass --snapshot FILE to work on a snapshot");

    private static string Get(Reconciler reconciler, Baseline baseline, IHost host)
    {
        var report = new JObject
        {
            ["schemaVersion"] = 1,
            ["command"] = "get",
            ["baseline"] = baseline.Name,
            ["host"] = host.ComputerName,
            ["resources"] = new JArray(reconciler.Get(baseline).Select(state => new JObject
            {
                ["id"] = state.Declaration.Id,
                ["type"] = state.Declaration.Type,
                ["actual"] = state.Actual?.ToJson(),
                ["error"] = state.Error,
            })),
        };
        return report.ToString(Formatting.Indented) + "\n";
    }

    /// <summary>JSON and XML reports are masked value by value, so that they stay valid documents; text, as text.</summary>
    private string Redact(string report) => report.TrimStart() switch
    {
        var start when start.StartsWith('{') || start.StartsWith('[') => _redactor.RedactJsonText(report),
        var start when start.StartsWith('<') => _redactor.RedactXmlText(report),
        _ => _redactor.Redact(report),
    };

    private void WriteReport(CliOptions options, string report)
    {
        _endProgress();
        if (options.OutFile is null)
        {
            stdout.Write(Redact(report));
            return;
        }

        try
        {
            File.WriteAllText(options.OutFile, Redact(report));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(null, $"--out {options.OutFile}: cannot write the report ({e.Message}); choose a writable path.");
        }
    }
}
