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

/// <summary>The engine's own rules, with hand-written resources that misbehave on purpose.</summary>
public sealed class ReconcilerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SnapshotHost _host;

    public ReconcilerTests()
    {
        _host = SnapshotHost.Load(_folder.Write("s.json", """{ "computerName": "H" }"""));
    }

    public void Dispose() => _folder.Dispose();

    private RunResult Run(bool whatIf, params (string Id, IResource Resource, string[] DependsOn)[] resources)
    {
        var declarations = resources.Select(r => new ResourceDeclaration(r.Id, r.Resource, ResourceMode.Enforce, r.DependsOn, [], null, null, SourceLocation.OfFile("b.json"))).ToList();
        var baseline = new Baseline("b", null, "b.json", declarations, new Dictionary<string, ParameterDefinition>());
        return new Reconciler(_host, new LoggerConfiguration().CreateLogger(), TimeProvider.System).Run(baseline, whatIf ? "plan" : "apply", whatIf);
    }

    [Fact]
    public void AChangeThatDoesNotStickIsReportedAsNotConverged()
    {
        var stubborn = new FakeResource { Sticks = false };

        var run = Run(false, ("a", stubborn, []));

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("a"));
        Assert.Equal("did not converge: after the change Value is 1, wanted 2", run.Resource("a").Error);
    }

    [Fact]
    public void WhatIfNeverCallsApply()
    {
        var resource = new FakeResource();

        var run = Run(true, ("a", resource, []));

        Assert.Equal(ResourceStatus.Drifted, run.StatusOf("a"));
        Assert.Equal(0, resource.ApplyCalls);
    }

    [Fact]
    public void ApplyReceivesExactlyTheDifferencesThePlanShowed()
    {
        var resource = new FakeResource();

        var plan = Run(true, ("a", resource, []));
        var apply = Run(false, ("a", new FakeResource { Recorder = resource }, []));

        Assert.Equal(plan.Resource("a").Differences, resource.Applied);
        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("a"));
    }

    [Fact]
    public void AnUnexpectedExceptionFailsOnlyThatResourceAndSkipsItsDependentsTransitively()
    {
        var run = Run(false,
            ("broken", new FakeResource { Throws = new InvalidOperationException("bug") }, []),
            ("child", new FakeResource(), ["broken"]),
            ("grandchild", new FakeResource(), ["child"]),
            ("other", new FakeResource(), []));

        Assert.Equal("internal error during read: InvalidOperationException: bug (the log has the details)", run.Resource("broken").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("child"));
        Assert.Equal("skipped because \"child\" was skipped", run.Resource("grandchild").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
    }

    [Fact]
    public void DependenciesRunFirstWhateverTheDeclarationOrder()
    {
        var order = new List<string>();

        Run(true,
            ("late", new FakeResource { Name = "late", Order = order }, ["early"]),
            ("early", new FakeResource { Name = "early", Order = order }, []));

        Assert.Equal(["early", "late"], order);
    }

    /// <summary>A resource with one property "Value" that is 1 and should be 2.</summary>
    private sealed class FakeResource : IResource
    {
        private int _value = 1;

        public bool Sticks { get; init; } = true;

        public Exception? Throws { get; init; }

        public string Name { get; init; } = "";

        public List<string>? Order { get; init; }

        public FakeResource? Recorder { get; init; }

        public int ApplyCalls { get; private set; }

        public List<Difference> Applied { get; } = [];

        public string TypeName => "fake";

        public IReadOnlyList<string> RestartsWhenChanged => [];

        public IReadOnlyList<string> FollowUpsWhenChanged => [];

        public Observation Observe(IHost host)
        {
            Order?.Add(Name);
            if (Throws is not null)
            {
                throw Throws;
            }

            return new Observation(new State(_value), _value == 2 ? [] : [TestDifference.Of("Value", _value, 2)]);
        }

        public void Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes)
        {
            ApplyCalls++;
            (Recorder ?? this).Applied.AddRange(changes);
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
