using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using Serilog.Core;
using Serilog.Events;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// A run of a <see cref="Scenario"/> that keeps what <see cref="Scenario.Run"/> hides: the snapshot
/// host (to count its calls) and the engine's log (to see the order of service stops and starts).
/// </summary>
public sealed class ObservedRun : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    private ObservedRun(Scenario scenario, bool whatIf)
    {
        Host = SnapshotHost.Load(scenario.SnapshotPath);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(scenario.BaselinePath, VariableInputs.None, Host.Facts);
        var log = new Serilog.LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(this).CreateLogger();
        Result = new Reconciler(Host, log, TimeProvider.System).Run(baseline, whatIf ? "plan" : "apply", whatIf);
        if (!whatIf)
        {
            Host.Save();
        }
    }

    public SnapshotHost Host { get; }

    public RunResult Result { get; }

    /// <summary>The service stops and starts in the order they happened: "stop SQLAgent$X", "start MSSQL$X", ...</summary>
    public IReadOnlyList<string> ServiceControls =>
        _events
            .Where(e => e.MessageTemplate.Text == "Restart of {Service}: {Verb} done")
            .Select(e => $"{Scalar(e, "Verb")} {Scalar(e, "Service")}")
            .ToList();

    public static ObservedRun Plan(Scenario scenario) => new(scenario, whatIf: true);

    public static ObservedRun Apply(Scenario scenario) => new(scenario, whatIf: false);

    public void Emit(LogEvent logEvent) => _events.Add(logEvent);

    private static object? Scalar(LogEvent e, string name) => ((ScalarValue)e.Properties[name]).Value;
}
