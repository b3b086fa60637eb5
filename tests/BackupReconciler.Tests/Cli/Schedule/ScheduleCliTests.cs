using BackupReconciler.Cli;
using BackupReconciler.Cli.Schedule;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Schedule;

/// <summary><c>schedule install|show|remove</c> against a snapshot: the task the live adapter registers, tested like every other port.</summary>
public sealed class ScheduleCliTests : IDisposable
{
    private const string Program = @"C:\Program Files\BackupReconciler\backup-reconciler.exe";
    private const string Task = @"\BackupReconciler\Scheduled correction";

    private readonly TempFolder _folder = new();
    private readonly RecordingRegistrar _eventSources = new();

    public void Dispose() => _folder.Dispose();

    private string Baseline(string name = "dpm server.json") => _folder.Write(name, """
        { "name": "scheduled", "resources": [ { "id": "v", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 2 } } } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "H", "scheduledTasks": { "\\Microsoft\\OnlineBackup\\Microsoft-OnlineBackup": { "enabled": true } } }
        """);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System)
        {
            ScheduledProgram = new ProgramInvocation(Program, []),
            EventSources = _eventSources,
        }.Run(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JObject TaskIn(string snapshot) => (JObject)JObject.Parse(File.ReadAllText(snapshot))["scheduledTasks"]![Task]!;

    [Fact]
    public void InstallRegistersApplyAsSystemEveryThirtyMinutesWithQuotedAbsolutePathsAndNoOverlap()
    {
        var snapshot = Snapshot();
        var baseline = Baseline();
        var vars = _folder.Write("vars with space.json", "{}");

        var (exit, output, error) = Run("schedule", "install", baseline, "--vars", vars, "--snapshot", snapshot);

        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith($"created the task {Task}: apply every 30m as NT AUTHORITY\\SYSTEM, random delay up to 3m", output, StringComparison.Ordinal);
        var task = TaskIn(snapshot);
        Assert.Equal(Program, (string?)task["action"]!["command"]);
        Assert.Equal($"apply \"{Path.GetFullPath(baseline)}\" --vars \"{Path.GetFullPath(vars)}\"", (string?)task["action"]!["arguments"]);
        Assert.Equal(("PT30M", "PT3M"), ((string?)task["trigger"]!["every"], (string?)task["trigger"]!["randomDelay"]));
        Assert.Equal(("IgnoreNew", "PT2H", true), ((string?)task["settings"]!["multipleInstances"], (string?)task["settings"]!["executionTimeLimit"], (bool)task["settings"]!["startWhenAvailable"]!));
        Assert.Equal((@"NT AUTHORITY\SYSTEM", true), ((string?)task["runAs"], (bool)task["enabled"]!));
        Assert.True(JObject.Parse(File.ReadAllText(snapshot))["scheduledTasks"]![@"\Microsoft\OnlineBackup\Microsoft-OnlineBackup"] is JObject);
    }

    [Fact]
    public void InstallingTheSameScheduleTwiceReportsUnchangedAndDoesNotWriteTheSnapshot()
    {
        var snapshot = Snapshot();
        var baseline = Baseline();
        Run("schedule", "install", baseline, "--snapshot", snapshot);
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, _) = Run("schedule", "install", baseline, "--snapshot", snapshot);

        Assert.Equal(0, exit);
        Assert.StartsWith($"the task {Task} is unchanged: apply every 30m as NT AUTHORITY\\SYSTEM.", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void AChangedIntervalReportsExactlyWhatChanged()
    {
        var snapshot = Snapshot();
        var baseline = Baseline();
        Run("schedule", "install", baseline, "--snapshot", snapshot);

        var (exit, output, _) = Run("schedule", "install", baseline, "--every", "1h", "--snapshot", snapshot);

        Assert.Equal(0, exit);
        Assert.Equal($"changed the task {Task}: every: 30m → 1h; random delay: 3m → 6m.", output.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal("PT1H", (string?)TaskIn(snapshot)["trigger"]!["every"]);
    }

    [Fact]
    public void ATaskChangedByHandIsPutBackAndEachChangeIsNamed()
    {
        var snapshot = Snapshot();
        var baseline = Baseline();
        Run("schedule", "install", baseline, "--snapshot", snapshot);
        var document = JObject.Parse(File.ReadAllText(snapshot));
        var task = (JObject)document["scheduledTasks"]![Task]!;
        task["enabled"] = false;
        task["settings"]!["multipleInstances"] = "Parallel";
        File.WriteAllText(snapshot, document.ToString());

        var (_, output, _) = Run("schedule", "install", baseline, "--snapshot", snapshot);

        Assert.Equal($"changed the task {Task}: multiple instances: Parallel → IgnoreNew; enabled: no → yes.", output.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal(("IgnoreNew", true), ((string?)TaskIn(snapshot)["settings"]!["multipleInstances"], (bool)TaskIn(snapshot)["enabled"]!));
    }

    [Fact]
    public void WhatIfChangesNothingAndSaysWhatItWouldDo()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, _) = Run("schedule", "install", Baseline(), "--what-if", "--snapshot", snapshot);

        Assert.Equal(0, exit);
        Assert.StartsWith($"what-if: would create the task {Task}: apply every 30m", output, StringComparison.Ordinal);
        Assert.Contains("what-if: the event log source BackupReconciler (Application log) was not registered: a snapshot holds no event log sources", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
        Assert.Empty(_eventSources.Registered);
    }

    [Fact]
    public void AuditRunsApplyWhatIf()
    {
        var snapshot = Snapshot();

        var (_, output, _) = Run("schedule", "install", Baseline(), "--audit", "--snapshot", snapshot);

        Assert.StartsWith($"created the task {Task}: an audit (apply --what-if) every 30m", output, StringComparison.Ordinal);
        Assert.EndsWith(" --what-if", (string?)TaskIn(snapshot)["action"]!["arguments"], StringComparison.Ordinal);
    }

    [Fact]
    public void InstallingInASnapshotNeverRegistersTheEventSourceOnThisMachineAndSaysSo()
    {
        var snapshot = Snapshot();

        var (exit, output, error) = Run("schedule", "install", Baseline(), "--snapshot", snapshot);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("the event log source BackupReconciler (Application log) was not registered: a snapshot holds no event log sources; schedule install on the live host registers it.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("registered the event log source", output, StringComparison.Ordinal);
        Assert.Empty(_eventSources.Registered);
    }

    [Fact]
    public void OnItsOwnHostInstallRegistersTheEventSourceOnceAndSaysSo()
    {
        var tasks = SnapshotHost.Load(Snapshot()).TaskRegistration;
        var first = new StringWriter();
        var second = new StringWriter();

        new ScheduleCommand(tasks, EventSourceTarget.Of(_eventSources), first, new StringWriter()).Install(Definition(), whatIf: false);
        new ScheduleCommand(tasks, EventSourceTarget.Of(_eventSources), second, new StringWriter()).Install(Definition(), whatIf: false);

        Assert.Contains("registered the event log source BackupReconciler (Application log).", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("the event log source BackupReconciler is registered already.", second.ToString(), StringComparison.Ordinal);
        Assert.Equal([("BackupReconciler", "Application")], _eventSources.Registered);
    }

    [Fact]
    public void AHostWithoutARegistrarSaysTheSourceWasNotRegisteredAndWhy()
    {
        var stdout = new StringWriter();

        new ScheduleCommand(SnapshotHost.Load(Snapshot()).TaskRegistration, EventSourceTarget.None("this build has no event log registration on this host"), stdout, new StringWriter())
            .Install(Definition(), whatIf: false);

        Assert.Contains("the event log source BackupReconciler (Application log) was not registered: this build has no event log registration on this host.", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskTheHostDoesNotKeepIsAnErrorOnStandardErrorAndNothingClaimsItWasCreated()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = new ScheduleCommand(new ForgetfulRegistration(), EventSourceTarget.Of(_eventSources), stdout, stderr).Install(Definition(), whatIf: false);

        Assert.Equal((4, ""), (exit, stdout.ToString()));
        Assert.Equal($"error: Task Scheduler accepted the task {Task}, but it is not there when read back.", stderr.ToString().TrimEnd());
        Assert.Empty(_eventSources.Registered);
    }

    [Fact]
    public void ATaskTheHostKeepsDifferentlyIsAnErrorOnStandardErrorNamingEachSetting()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = new ScheduleCommand(new ForgetfulRegistration { Keeps = d => d with { Enabled = false } }, EventSourceTarget.Of(_eventSources), stdout, stderr)
            .Install(Definition(), whatIf: false);

        Assert.Equal((4, ""), (exit, stdout.ToString()));
        Assert.Equal($"error: Task Scheduler registered the task {Task}, but reads it back differently: enabled is no, not yes.", stderr.ToString().TrimEnd());
    }

    private static ScheduledTaskDefinition Definition() => ScheduledRun.Define(Program, @"C:\b.json", null, null, TimeSpan.FromMinutes(30), audit: false);

    [Fact]
    public void SecretsAreRefusedWithWhereTheyBelongAndNeverEchoed()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);

        var (exit, output, error) = Run("schedule", "install", Baseline(), "--var-secret", "Password=hunter2", "--snapshot", snapshot);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"error: {ScheduleVerb.SecretRefused}", error.TrimEnd());
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.Contains("vars file (--vars FILE) whose ACL lets only SYSTEM and Administrators read it", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void PlainVariablesOnTheCommandLineAreRefusedToo()
    {
        var (exit, _, error) = Run("schedule", "install", Baseline(), "--var", "Drive=D:", "--snapshot", Snapshot());

        Assert.Equal((1, $"error: {ScheduleVerb.VarRefused}"), (exit, error.TrimEnd()));
    }

    [Fact]
    public void AMissingBaselineIsNotScheduled()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);

        var (exit, _, error) = Run("schedule", "install", _folder.Combine("missing.json"), "--snapshot", snapshot);

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Contains("nothing was scheduled", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void ABaselineThatDoesNotLoadIsNotScheduled()
    {
        var snapshot = Snapshot();
        var before = File.ReadAllBytes(snapshot);
        var broken = _folder.Write("broken.json", """{ "name": "x", "resources": [ { "id": "v", "type": "registry" } ] }""");

        var (exit, _, error) = Run("schedule", "install", broken, "--snapshot", snapshot);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("32d")]
    [InlineData("soon")]
    public void AnIntervalTaskSchedulerCannotRepeatIsRefused(string every)
    {
        var (exit, _, error) = Run("schedule", "install", Baseline(), "--every", every, "--snapshot", Snapshot());

        Assert.Equal(1, exit);
        Assert.Contains($"--every {every}: Task Scheduler repeats a task from every minute to every 31 days", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowPrintsTheRegisteredTaskAndRemoveTakesItOut()
    {
        var snapshot = Snapshot();
        Run("schedule", "install", Baseline(), "--every", "2h", "--snapshot", snapshot);

        var (_, shown, _) = Run("schedule", "show", "--snapshot", snapshot);
        var (_, removed, _) = Run("schedule", "remove", "--snapshot", snapshot);
        var (_, again, _) = Run("schedule", "remove", "--snapshot", snapshot);
        var (_, none, _) = Run("schedule", "show", "--snapshot", snapshot);

        Assert.Contains("every:                2h", shown, StringComparison.Ordinal);
        Assert.Contains("random delay:         12m", shown, StringComparison.Ordinal);
        Assert.Contains("multiple instances:   IgnoreNew", shown, StringComparison.Ordinal);
        Assert.Equal($"removed the task {Task}.", removed.TrimEnd());
        Assert.Equal($"there was no task {Task} to remove.", again.TrimEnd());
        Assert.StartsWith("no scheduled correction is registered", none, StringComparison.Ordinal);
        Assert.Null(JObject.Parse(File.ReadAllText(snapshot))["scheduledTasks"]![Task]);
    }

    [Fact]
    public void RemoveWithWhatIfKeepsTheTask()
    {
        var snapshot = Snapshot();
        Run("schedule", "install", Baseline(), "--snapshot", snapshot);

        var (_, output, _) = Run("schedule", "remove", "--what-if", "--snapshot", snapshot);

        Assert.Equal($"what-if: would remove the task {Task}.", output.TrimEnd());
        Assert.NotNull(TaskIn(snapshot));
    }

    [Theory]
    [InlineData("schedule", "error: schedule needs one of: install, show, remove; run backup-reconciler schedule --help.")]
    [InlineData("schedule install", "error: schedule install needs a baseline file")]
    [InlineData("schedule show extra.json", "error: schedule show takes no baseline or other argument; got extra.json.")]
    [InlineData("schedule start", "error: \"start\" is not a schedule verb")]
    public void AScheduleCommandWithoutWhatToDoSaysTheForms(string line, string expected)
    {
        var (exit, _, error) = Run(line.Split(' '));

        Assert.Equal(1, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegistrationTheHostRefusesIsAFailureAndNothingClaimsItWasCreated()
    {
        var snapshot = _folder.Write("s.json", """
            { "computerName": "H", "faults": [ { "operation": "set", "target": "task:\\BackupReconciler\\Scheduled correction", "message": "Access is denied. (0x80070005)" } ] }
            """);

        var (exit, output, error) = Run("schedule", "install", Baseline(), "--snapshot", snapshot);

        Assert.Equal((4, ""), (exit, output));
        Assert.Equal("error: schedule install: Access is denied. (0x80070005)", error.TrimEnd());
        Assert.Empty(_eventSources.Registered);
    }

    [Fact]
    public void InstallsOptionsGivenToShowAreAnErrorNotIgnored()
    {
        var (exit, _, error) = Run("schedule", "show", "--every", "1h", "--snapshot", Snapshot());

        Assert.Equal((1, "error: --every is not an option of schedule show (only schedule install takes it); run backup-reconciler schedule show --help."), (exit, error.TrimEnd()));
    }

    [Fact]
    public void TheScheduledRunDoesNotAskForDetailedExitCodes()
    {
        var definition = ScheduledRun.Define(Program, @"C:\b.json", null, null, TimeSpan.FromMinutes(30), audit: false);

        Assert.Equal(@"apply C:\b.json", definition.Arguments);
    }

    [Fact]
    public void WhatIfOnTheLiveHostPathSaysItWouldCreateTheTaskAndRegisterTheSourceAndDoesNeither()
    {
        var tasks = new CountingRegistration(SnapshotHost.Load(Snapshot()).TaskRegistration);
        var stdout = new StringWriter();

        var exit = new ScheduleCommand(tasks, EventSourceTarget.Of(_eventSources), stdout, new StringWriter()).Install(Definition(), whatIf: true);

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith($"what-if: would create the task {Task}: apply every 30m", lines[0], StringComparison.Ordinal);
        Assert.Equal("what-if: would register the event log source BackupReconciler (Application log).", lines[^1]);
        Assert.All(lines, l => Assert.StartsWith("what-if: ", l, StringComparison.Ordinal));
        Assert.Equal((0, 0), (tasks.Registered, tasks.Deleted));
        Assert.Null(tasks.ReadDefinition(Task));
        Assert.Empty(_eventSources.Registered);
    }

    [Fact]
    public void WhatIfAgainstAChangedTaskNamesEachChangeAndRegistersNothing()
    {
        var tasks = new CountingRegistration(SnapshotHost.Load(Snapshot()).TaskRegistration);
        new ScheduleCommand(tasks, EventSourceTarget.Of(_eventSources), new StringWriter(), new StringWriter()).Install(Definition(), whatIf: false);
        var registeredBefore = tasks.Registered;
        var stdout = new StringWriter();

        new ScheduleCommand(tasks, EventSourceTarget.Of(_eventSources), stdout, new StringWriter()).Install(Definition() with { Enabled = false }, whatIf: true);

        Assert.Equal($"what-if: would change the task {Task}: enabled: yes → no.", stdout.ToString().Split('\n')[0].TrimEnd('\r'));
        Assert.Equal(registeredBefore, tasks.Registered);
        Assert.True(tasks.ReadDefinition(Task)!.Enabled);
    }

    [Fact]
    public void WhatIfWhereRegisteringTheSourceWouldFailSaysWhyInsteadOfWouldRegister()
    {
        var refusing = new RecordingRegistrar { WhenNotRegistered = EventSourceState.Unusable("the event source BackupReconciler is registered in the System log, not in Application; delete it there (Remove-EventLog -Source BackupReconciler) and register it again") };
        var stdout = new StringWriter();

        new ScheduleCommand(SnapshotHost.Load(Snapshot()).TaskRegistration, EventSourceTarget.Of(refusing), stdout, new StringWriter()).Install(Definition(), whatIf: true);

        Assert.DoesNotContain("would register", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("what-if: would not register the event log source BackupReconciler (Application log): the event source BackupReconciler is registered in the System log", stdout.ToString(), StringComparison.Ordinal);
        Assert.Empty(refusing.Registered);
    }

    /// <summary>A registration that passes everything on to another and counts the changes asked of it.</summary>
    private sealed class CountingRegistration(IScheduledTaskRegistration inner) : IScheduledTaskRegistration
    {
        public int Registered { get; private set; }

        public int Deleted { get; private set; }

        public ScheduledTaskDefinition? ReadDefinition(string fullPath) => inner.ReadDefinition(fullPath);

        public void Register(ScheduledTaskDefinition definition)
        {
            Registered++;
            inner.Register(definition);
        }

        public bool Delete(string fullPath)
        {
            Deleted++;
            return inner.Delete(fullPath);
        }
    }

    /// <summary>A registration that accepts every task and keeps what <see cref="Keeps"/> makes of it (nothing by default).</summary>
    private sealed class ForgetfulRegistration : IScheduledTaskRegistration
    {
        private ScheduledTaskDefinition? _kept;

        public Func<ScheduledTaskDefinition, ScheduledTaskDefinition?> Keeps { get; init; } = _ => null;

        public ScheduledTaskDefinition? ReadDefinition(string fullPath) => _kept;

        public void Register(ScheduledTaskDefinition definition) => _kept = Keeps(definition);

        public bool Delete(string fullPath) => false;
    }

    private sealed class RecordingRegistrar : IEventSourceRegistrar
    {
        public List<(string Source, string Log)> Registered { get; } = [];

        /// <summary>What <see cref="Check"/> says while nothing is registered: missing by default, or a problem registering would meet.</summary>
        public EventSourceState WhenNotRegistered { get; init; } = EventSourceState.Missing;

        public EventSourceState Check() => Registered.Count > 0 ? EventSourceState.IsRegistered : WhenNotRegistered;

        public void EnsureRegistered()
        {
            if (WhenNotRegistered.Problem is { } problem)
            {
                throw new BackupReconciler.Host.HostOperationException(problem);
            }

            if (Registered.Count == 0)
            {
                Registered.Add((EventLogMessage.Source, EventLogMessage.LogName));
            }
        }
    }
}
