using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Tests.Engine;

/// <summary>Each failed result carries where it failed, set by the engine where it happened; every other result carries none.</summary>
public sealed class FailureSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RunResult Run(bool whatIf, params (string Id, IResource Resource, string[] DependsOn)[] resources)
    {
        var host = SnapshotHost.Load(_folder.Write("s.json", """{ "computerName": "H" }"""));
        var declarations = resources.Select(r => new ResourceDeclaration(r.Id, r.Resource, ResourceMode.Enforce, r.DependsOn, [], null, null, SourceLocation.OfFile("b.json"))).ToList();
        var baseline = new Baseline("b", null, "b.json", declarations, new Dictionary<string, ParameterDefinition>());
        return new Reconciler(host, new LoggerConfiguration().CreateLogger(), TimeProvider.System).Run(baseline, whatIf ? "plan" : "apply", whatIf);
    }

    [Fact]
    public void AReadTheHostRefusesIsAHostReadFailure()
    {
        var run = Run(false, ("a", new Faulty { ReadFails = new HostOperationException("Access is denied.") }, []));

        Assert.Equal((FailureSource.HostRead, "could not read: Access is denied."), (run.Resource("a").Source, run.Resource("a").Error));
    }

    [Fact]
    public void AChangeTheHostRefusesIsAHostChangeFailure()
    {
        var run = Run(false, ("a", new Faulty { ApplyFails = new HostOperationException("Access is denied.") }, []));

        Assert.Equal((FailureSource.HostChange, "could not apply: Access is denied."), (run.Resource("a").Source, run.Resource("a").Error));
    }

    /// <summary>The change was made: a read-back that fails must not be told as a read of an unchanged resource.</summary>
    [Fact]
    public void AReadBackThatFailsAfterTheChangeIsAHostChangeFailure()
    {
        var run = Run(false, ("a", new Faulty { ReadBackFails = new HostOperationException("Access is denied.") }, []));

        Assert.Equal((FailureSource.HostChange, "could not verify: Access is denied."), (run.Resource("a").Source, run.Resource("a").Error));
    }

    [Fact]
    public void AChangeTheHostDoesNotKeepIsAHostChangeFailure()
    {
        var run = Run(false, ("a", new Faulty { Sticks = false }, []));

        Assert.Equal((FailureSource.HostChange, "did not converge: after the change Value is 1, wanted 2"), (run.Resource("a").Source, run.Resource("a").Error));
    }

    [Fact]
    public void AnUnexpectedExceptionIsAnInternalFailureAndItsDependentsArePreconditionFailures()
    {
        var run = Run(false, ("a", new Faulty { ReadFails = new InvalidOperationException("bug") }, []), ("b", new Faulty(), ["a"]));

        Assert.Equal(FailureSource.Internal, run.Resource("a").Source);
        Assert.Equal((ResourceStatus.Skipped, FailureSource.Precondition), (run.StatusOf("b"), run.Resource("b").Source));
    }

    [Fact]
    public void AChangeApplyCannotCompleteIsAPreconditionFailureInWhatIf()
    {
        var run = Run(true, ("a", new Faulty { Unreachable = "the file is read-only" }, []));

        Assert.Equal((ResourceStatus.PredictedFailure, FailureSource.Precondition), (run.StatusOf("a"), run.Resource("a").Source));
    }

    [Fact]
    public void ResultsThatAreNoFailureCarryNoSource()
    {
        var changed = Run(false, ("a", new Faulty(), []));
        var drifted = Run(true, ("a", new Faulty(), []));

        Assert.Equal((ResourceStatus.Changed, null), (changed.StatusOf("a"), changed.Resource("a").Source));
        Assert.Equal((ResourceStatus.Drifted, null), (drifted.StatusOf("a"), drifted.Resource("a").Source));
    }

    /// <summary>A resource whose value is 1 and wants 2, failing where it is told to.</summary>
    private sealed class Faulty : IResource
    {
        private int _value = 1;

        public Exception? ReadFails { get; init; }

        public Exception? ApplyFails { get; init; }

        /// <summary>Thrown by the read after the change, not by the first.</summary>
        public Exception? ReadBackFails { get; init; }

        private bool _applied;

        public bool Sticks { get; init; } = true;

        public string? Unreachable { get; init; }

        public string TypeName => "fake";

        public IReadOnlyList<string> RestartsWhenChanged => [];

        public IReadOnlyList<string> FollowUpsWhenChanged => [];

        public Observation Observe(IHost host) =>
            (ReadFails ?? (_applied ? ReadBackFails : null)) is { } fails
                ? throw fails
                : new Observation(new State(_value), _value == 2 ? [] : [TestDifference.Of("Value", _value, 2) with { Unreachable = Unreachable }]);

        public void Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes)
        {
            if (ApplyFails is not null)
            {
                throw ApplyFails;
            }

            _applied = true;
            if (Sticks)
            {
                _value = 2;
            }
        }

        private sealed record State(int Value) : IActualState
        {
            public JToken ToJson() => new JValue(Value);
        }
    }
}
