using BackupReconciler.Windows.Tests.Registry;
using BackupReconciler.Windows.Tests.Support;
using static BackupReconciler.Windows.Tests.Lane.SampleClass;

namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// The lane runner finds what xUnit finds, waits for what it starts, refuses what no run would ever
/// run, and fails a Wine lane that proved less than its list says. These run anywhere (the samples
/// are made in memory; the live tests are made to skip).
/// </summary>
public sealed class LaneRunnerTests
{
    private static readonly LaneSettings Plain = new("test");

    [Fact]
    public void ATaskReturningTestIsAwaitedSoAFailureAfterItsFirstAwaitFails()
    {
        var samples = new SampleTests().Class("Awaited", c => c
            .Method("FailsLater", nameof(SampleBodies.FailsAfterAnAwait), [Fact()])
            .Method("FailsLaterInAValueTask", nameof(SampleBodies.ValueTaskFailsAfterAnAwait), [Fact()])
            .Method("PassesLater", nameof(SampleBodies.PassesAfterAnAwait), [Fact()]));

        var (exit, output) = Run(samples, Plain);

        Assert.Equal(1, exit);
        Assert.Matches(@"FAIL Awaited\.FailsLater \(\d+ ms\): InvalidOperationException: Awaited\.FailsLater failed after an await", output);
        Assert.Matches(@"FAIL Awaited\.FailsLaterInAValueTask \(\d+ ms\): InvalidOperationException", output);
        Assert.Matches(@"PASS Awaited\.PassesLater \(\d+ ms\)", output);
        Assert.Contains("Awaited.PassesLater", SampleBodies.Finished);
        Assert.EndsWith("test: 1 passed, 2 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticAndNonPublicTestsAreFoundAndRunAsXunitRunsThem()
    {
        var samples = new SampleTests()
            .Class("Found", c => c
                .Method("Static", nameof(SampleBodies.Passes), [Fact()], isStatic: true)
                .Method("Private", nameof(SampleBodies.Passes), [Fact()], isPublic: false)
                .Method("PrivateStaticFailing", nameof(SampleBodies.Fails), [Fact()], isPublic: false, isStatic: true))
            .Class("FoundInAStaticClass", c => c.Method("Static", nameof(SampleBodies.Passes), [Fact()], isStatic: true), isStatic: true);

        var (exit, output) = Run(samples, Plain);

        Assert.Equal(1, exit);
        Assert.Subset(SampleBodies.Finished.ToHashSet(), new HashSet<string> { "Found.Static", "Found.Private", "FoundInAStaticClass.Static" });
        Assert.Contains("FAIL Found.PrivateStaticFailing", output, StringComparison.Ordinal);
        Assert.EndsWith("test: 3 passed, 1 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void ATestInANonPublicClassIsRefusedNotSilentlyLeftOut()
    {
        var samples = new SampleTests().Class("Hidden", c => c.Method("WouldPass", nameof(SampleBodies.Passes), [Fact()]), isPublic: false);

        var (exit, output) = Run(samples, Plain);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL Hidden.WouldPass: its class LaneSamples.Hidden is not public, and xUnit does not look in non-public classes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden.WouldPass", SampleBodies.Finished);
    }

    [Fact]
    public void ATheoryWithoutDataRowsFailsAndOneWithRowsRunsEachRow()
    {
        var samples = new SampleTests().Class("Theories", c => c
            .Method("NoRows", nameof(SampleBodies.Passes), [Theory()], parameters: [typeof(int)])
            .Method("TwoRows", nameof(SampleBodies.Passes), [Theory(), InlineData(1), InlineData(2)], parameters: [typeof(int)]));

        var (exit, output) = Run(samples, Plain);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL Theories.NoRows: it is a theory with no data rows; xUnit fails it (\"No data found\")", output, StringComparison.Ordinal);
        Assert.Matches(@"PASS Theories\.TwoRows\(1\)", output);
        Assert.Matches(@"PASS Theories\.TwoRows\(2\)", output);
        Assert.EndsWith("test: 2 passed, 1 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void AsyncVoidAndAFactWithParametersAreRefused()
    {
        var samples = new SampleTests().Class("Unrunnable", c => c
            .Method("AsyncVoid", nameof(SampleBodies.AsyncVoid), [Fact()])
            .Method("FactWithAParameter", nameof(SampleBodies.Passes), [Fact()], parameters: [typeof(int)]));

        var (exit, output) = Run(samples, Plain);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL Unrunnable.AsyncVoid: it is async void", output, StringComparison.Ordinal);
        Assert.Contains("FAIL Unrunnable.FactWithAParameter: a [Fact] takes no parameters", output, StringComparison.Ordinal);
        Assert.EndsWith("test: 0 passed, 2 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunInWhichNothingPassedIsNoSuccess()
    {
        var (exit, output) = Run(new SampleTests(), Plain);

        Assert.Equal((1, true), (exit, output.EndsWith("test: 0 passed, 0 failed" + Environment.NewLine, StringComparison.Ordinal)));
    }

    [Fact]
    public void AWineLaneWhoseLivePrefixIsNotSetUpFailsEveryLiveTestAndEveryArea()
    {
        var before = Environment.GetEnvironmentVariable(LiveWindows.SimulateUnpreparedPrefix);
        Environment.SetEnvironmentVariable(LiveWindows.SimulateUnpreparedPrefix, "1");
        try
        {
            var output = new StringWriter();

            var exit = LaneRunner.Run(typeof(LaneRunnerTests).Assembly.GetTypes().Where(t => t != typeof(LaneRunnerTests)), output, LaneSettings.Wine());

            var text = output.ToString();
            Assert.Equal(1, exit);
            Assert.Contains($"FAIL {nameof(WindowsRegistryTests)}.{nameof(WindowsRegistryTests.AKeyThatDoesNotExistReadsAsNull)}: it is meant to run under Wine, but was skipped: " +
                $"the Wine prefix is not set up as the lane expects (simulated: {LiveWindows.SimulateUnpreparedPrefix}=1)", text, StringComparison.Ordinal);
            foreach (var (area, atLeast) in LaneExpectations.BuiltIn().For("wine"))
            {
                Assert.Contains($"wine {area}: 0 passed", text, StringComparison.Ordinal);
                Assert.Contains($"FAIL lane area {area}: 0 live tests passed, and .ci/lanes.expected says at least {atLeast} must", text, StringComparison.Ordinal);
            }

            // What Wine cannot run is still only skipped: the lane fails for what it claims, not for what it never claimed.
            Assert.Contains("SKIP WindowsSqlServerTests.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SKIP WindowsRegistryTests.", text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LiveWindows.SimulateUnpreparedPrefix, before);
        }
    }

    [Fact]
    public void AnAreaBelowItsCountFailsTheLaneAndAnAreaTheListLacksToo()
    {
        var samples = new SampleTests().Class("Plain", c => c.Method("Passes", nameof(SampleBodies.Passes), [Fact()]));
        var settings = new LaneSettings("wine") { IsWineLane = true, Expected = new Dictionary<string, int> { ["somewhere"] = 1 } };

        var output = new StringWriter();
        var exit = LaneRunner.Run([.. samples.Types(), typeof(WindowsRegistryTests)], output, settings);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("FAIL lane area somewhere: 0 live tests passed, and .ci/lanes.expected says at least 1 must", text, StringComparison.Ordinal);
        Assert.Contains("FAIL lane area registry: test classes name it, but .ci/lanes.expected has no row \"wine registry N\"; add one", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheListNamesExactlyTheAreasTheTestClassesDeclareAndEachExpectsSomething()
    {
        var declared = typeof(LaneRunnerTests).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(LaneAreaAttribute), false).Cast<LaneAreaAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .ToHashSet();
        var expected = LaneExpectations.BuiltIn().For("wine");

        Assert.Equal(declared.Order(), expected.Keys.Order());
        Assert.All(expected, e => Assert.True(e.Value > 0, e.Key));
        Assert.NotEmpty(expected);
    }

    [Theory]
    [InlineData("wine registry", "lanes.expected(1): \"wine registry\" is not \"LANE AREA AT-LEAST what…\"")]
    [InlineData("wine registry eight", "lanes.expected(1): \"wine registry eight\" is not")]
    public void AListRowWithoutItsNumberIsRefusedWithItsLine(string row, string message)
    {
        var e = Assert.Throws<FormatException>(() => LaneExpectations.Parse(row));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Run(SampleTests samples, LaneSettings settings)
    {
        var output = new StringWriter();
        var exit = LaneRunner.Run(samples.Types(), output, settings);
        return (exit, output.ToString());
    }
}
