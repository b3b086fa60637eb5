using BackupReconciler.Baselines;
using BackupReconciler.Cli.Reports;
using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Cli.Dsc;

/// <summary>
/// <c>backup-reconciler dsc get|test|set|manifest [--input JSON]</c>: the DSC v3 command resource
/// BackupReconciler/Baseline. Standard output carries only the state lines DSC parses; everything
/// else goes to standard error as DSC's JSON trace lines.
/// </summary>
/// <param name="stop">Set by Ctrl+C or SIGTERM: <c>set</c> finishes the resource in progress and skips the rest, as apply does.</param>
public sealed class DscCommand(TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken stop = default)
{
    public const string Usage = "usage: backup-reconciler dsc get|test|whatif|set [--input JSON] (the instance on standard input without --input) | dsc manifest [--out FILE]";

    private static readonly string[] Operations = ["get", "test", "whatif", "set", "manifest"];

    /// <summary>The instance properties a state line can name as differing or changed.</summary>
    private const string ResourcesProperty = "resources";

    private const string RestartProperty = "_restartRequired";

    private readonly SecretRedactor _redactor = new();

    private volatile bool _changesHost;

    /// <summary>Whether <c>set</c> is changing the host now, so that a signal asks it to stop after the resource in progress instead of ending the process.</summary>
    public bool ChangesHost => _changesHost;

    public int Run(IReadOnlyList<string> args)
    {
        var trace = new DscTraceWriter(stderr);
        try
        {
            var (operation, input, outFile) = Parse(args);
            if (operation == "manifest")
            {
                WriteManifest(outFile ?? DscManifest.DefaultPath());
                return DscExitCodes.Success;
            }

            var instance = input is null
                ? DscInstance.Parse(stdin.ReadToEnd(), "the instance on standard input")
                : DscInstance.Parse(input, "the --input JSON");
            _redactor.Add(instance.SecretValues);
            using var log = Logging.Create(StateDirectory.Resolve(null), verbose: false, trace, _redactor);
            return Execute(operation, instance, log, trace);
        }
        catch (InputException e)
        {
            trace.Error(_redactor.Redact(e.Message));
            return DscExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            trace.Error(_redactor.Redact($"unexpected failure: {e.Message} (the log in the state directory has the details)"));
            return DscExitCodes.Failed;
        }
    }

    private static (string Operation, string? Input, string? OutFile) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Operations.Contains(args[0], StringComparer.Ordinal))
        {
            var given = args.Count == 0 ? "nothing" : $"\"{args[0]}\"";
            throw new InputException(null, $"dsc needs an operation, got {given}{(args.Count == 0 ? "" : JsonObjectReader.Suggest(args[0], Operations))}; {Usage}.");
        }

        string? input = null, outFile = null;
        for (var i = 1; i < args.Count; i++)
        {
            var option = args[i];
            var wanted = args[0] == "manifest" ? "--out" : "--input";
            if (option != wanted || i + 1 >= args.Count)
            {
                throw new InputException(null, option == wanted
                    ? $"{option} needs a value; {Usage}."
                    : $"dsc {args[0]} takes only {wanted}, not \"{option}\"; {Usage}.");
            }

            if (wanted == "--out")
            {
                outFile = args[++i];
            }
            else
            {
                input = args[++i];
            }
        }

        return (args[0], input, outFile);
    }

    private static void WriteManifest(string path)
    {
        try
        {
            File.WriteAllText(path, DscManifest.Text());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(null, $"cannot write the manifest {path} ({e.Message}); pass --out FILE to a writable path.");
        }
    }

    private int Execute(string operation, DscInstance instance, ILogger log, DscTraceWriter trace)
    {
        var host = OpenHost(instance);
        // The live host holds a WMI session for the run; a snapshot host holds nothing.
        using var hostLifetime = host as IDisposable;
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(instance.Baseline, instance.Variables, host.Facts, _redactor);
        var stateDirectory = StateDirectory.Resolve(null);
        // test and whatif see the restarts an earlier set deferred, as set (GuardedRun) does them: a host whose only
        // outstanding work is such a restart is not in the desired state.
        var reconciler = new Reconciler(host, log, clock)
        {
            Redact = _redactor.Redact,
            Restarts = RestartPolicy.Default with { Pending = PendingRestarts.Read(stateDirectory, host.ComputerName) },
        };
        switch (operation)
        {
            case "get":
            {
                var states = reconciler.Get(baseline);
                var state = Identity(instance);
                state["resources"] = new JArray(states.Select(s => new JObject
                {
                    ["id"] = s.Declaration.Id,
                    ["type"] = s.Declaration.Type,
                    ["actual"] = s.Actual?.ToJson(),
                    ["error"] = s.Error,
                }));
                WriteLine(state);
                return ReportUnread(states.Where(s => s.Error is not null).Select(s => $"{s.Declaration.Id}: {s.Error}"), trace);
            }

            case "test":
            {
                // The state now: every resource not compliant and every restart apply would do (or that waits) differs.
                var run = reconciler.Run(baseline, "test", whatIf: true);
                var resourcesDiffer = run.Resources.Any(r => r.Status != ResourceStatus.Compliant);
                var required = run.Restarts.Where(r => r.Status is RestartStatus.Planned or RestartStatus.Deferred).ToList();
                WriteState(instance, run, inDesiredState: !resourcesDiffer && required.Count == 0, required,
                    Differing(resourcesDiffer, required.Count > 0));
                WarnPredictedFailures(run, trace);
                return ReportFailures(run, trace);
            }

            case "whatif":
            {
                // What set would do, changing nothing: the resources it would change and the restarts it would do.
                var run = reconciler.Run(baseline, "apply", whatIf: true);
                var wouldChange = run.Resources.Any(r => r.Status == ResourceStatus.Drifted
                    || (r.Status == ResourceStatus.PredictedFailure && r.Differences.Any(d => d.Action == DifferenceAction.Change)));
                var left = run.Restarts.Where(r => r.Status == RestartStatus.Deferred).ToList();
                WriteState(instance, run, inDesiredState: Settled(run, ResourceStatus.Drifted) && left.Count == 0, left,
                    Differing(wouldChange, run.Restarts.Any(r => r.Status == RestartStatus.Planned)));
                WarnPredictedFailures(run, trace);
                return ReportFailures(run, trace);
            }

            default:
            {
                _changesHost = true;
                var run = new GuardedRun(stateDirectory, clock, log, _redactor, stop)
                    .Apply(host, baseline, "apply", $"dsc set {instance.Baseline}", TimeSpan.Zero);
                // Still required after set: the restarts it deferred (backup work running) and those that failed; one it
                // did is no longer required, and is a change it made.
                var left = run.Restarts.Where(r => r.Status is RestartStatus.Deferred or RestartStatus.Failed).ToList();
                WriteState(instance, run, inDesiredState: Settled(run, ResourceStatus.Changed) && left.Count == 0, left,
                    Differing(run.Resources.Any(r => r.Status == ResourceStatus.Changed), run.Restarts.Any(r => r.Status == RestartStatus.Restarted)));
                var exit = ReportFailures(run, trace);
                if (!stop.IsCancellationRequested)
                {
                    return exit;
                }

                // Resources were left unrun: not a success, whatever the ones that ran did.
                var unrun = run.Resources.Count(r => r.Status == ResourceStatus.Skipped);
                trace.Error($"set was stopped (Ctrl+C or SIGTERM) after the resource in progress; {unrun} of {run.Resources.Count} resources were not run and no service was restarted; run set again");
                return DscExitCodes.Failed;
            }
        }
    }

    /// <summary>
    /// Whether every resource is, or after set will be, as the baseline says: compliant, or <paramref name="converging"/>
    /// (drifted for whatif, changed for set) with only changes and no manual step left to a person.
    /// </summary>
    private static bool Settled(RunResult run, ResourceStatus converging) =>
        run.Resources.All(r => r.Status == ResourceStatus.Compliant
            || (r.Status == converging && r.Differences.All(d => d.Action == DifferenceAction.Change)));

    /// <summary>Drift set will fail on: the state says predictedFailure; the trace says why, as plan's exit 6 would.</summary>
    private void WarnPredictedFailures(RunResult run, DscTraceWriter trace)
    {
        foreach (var predicted in run.Resources.Where(r => r.Status == ResourceStatus.PredictedFailure))
        {
            trace.Warn(_redactor.Redact($"{predicted.Id}: set would fail: {predicted.Error ?? "predicted to fail"}"));
        }
    }

    /// <summary>The second line of stateAndDiff: the instance properties that differ (test) or that set changed or would change.</summary>
    private static JArray Differing(bool resources, bool restarts)
    {
        var names = new JArray();
        if (resources)
        {
            names.Add(ResourcesProperty);
        }

        if (restarts)
        {
            names.Add(RestartProperty);
        }

        return names;
    }

    /// <summary>
    /// The state line, then the differing properties. A resource whose manual differences remain is not in the
    /// desired state (a person still has to act), nor is a host with a service restart still to do.
    /// </summary>
    private void WriteState(DscInstance instance, RunResult run, bool inDesiredState, IReadOnlyList<RestartResult> required, JArray differing)
    {
        var state = Identity(instance);
        state[ResourcesProperty] = JsonReport.Build(run, ExitCodes.Detailed(run))["resources"];
        state["_inDesiredState"] = inDesiredState;
        var services = required.Select(r => r.Service).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (services.Count > 0)
        {
            state[RestartProperty] = new JArray(services.Select(s => new JObject { ["service"] = s }));
        }

        WriteLine(state);
        WriteLine(differing);
    }

    private static JObject Identity(DscInstance instance)
    {
        var state = new JObject { ["baseline"] = instance.Baseline };
        if (instance.Snapshot is not null)
        {
            state["snapshot"] = instance.Snapshot;
        }

        return state;
    }

    private int ReportFailures(RunResult run, DscTraceWriter trace)
    {
        var problems = run.Resources.Where(r => r.Status == ResourceStatus.Failed).Select(r => $"{r.Id}: {r.Error ?? "failed"}")
            .Concat(run.Restarts.Where(r => r.Status == RestartStatus.Failed).Select(r => $"restart of {r.Service}: {r.Error ?? "failed"}"));
        return ReportUnread(problems, trace);
    }

    private int ReportUnread(IEnumerable<string> problems, DscTraceWriter trace)
    {
        var any = false;
        foreach (var problem in problems)
        {
            trace.Error(_redactor.Redact(problem));
            any = true;
        }

        return any ? DscExitCodes.Failed : DscExitCodes.Success;
    }

    private void WriteLine(JToken line)
    {
        stdout.Write(_redactor.RedactJson(line).ToString(Formatting.None) + "\n");
        stdout.Flush();
    }

    private IHost OpenHost(DscInstance instance) => HostOpener.Open(instance.Snapshot, clock, "give the instance a \"snapshot\" file to work on");
}
