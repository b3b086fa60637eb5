using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class FreeSpaceTests
{
    private const long GB = 1024L * 1024 * 1024;

    private static JObject Host(long freeBytes) => new()
    {
        ["volumes"] = new JObject { ["C:"] = new JObject { ["sizeBytes"] = 500 * GB, ["freeBytes"] = freeBytes } },
    };

    private static JArray Resources() => JArray.Parse("""
        [ { "id": "scratch", "type": "freeSpace", "why": "Backups fail when the scratch volume has less than 5-10% free",
            "properties": { "path": "${ProgramFiles}\\Microsoft Azure Recovery Services Agent\\Scratch", "minimumFreePercent": 10 } } ]
        """);

    [Fact]
    public void TooLittleFreeSpaceIsAManualStepWithTheAmountsAndNothingChanges()
    {
        using var scenario = new Scenario(Resources(), Host(21 * GB));
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("scratch"));
        Assert.Equal(["freeSpace: 21 GiB free of 500 GiB on C: (4.2%) → at least 50 GiB (10%)"], run.DifferencesOf("scratch"));
        Assert.Equal(
            @"freeSpace is 21 GiB free of 500 GiB on C: (4.2%), the baseline wants at least 50 GiB (10%); free 29 GiB on C: or move C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch to a volume with room; this tool never deletes data to make space",
            Assert.Single(run.ManualSteps).Step);
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal(2, ExitCodes.Detailed(run));
    }

    [Fact]
    public void EnoughFreeSpaceIsCompliant()
    {
        using var scenario = new Scenario(Resources(), Host(60 * GB));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("scratch"));
    }

    [Theory]
    [InlineData(50 * GB, ResourceStatus.Compliant)]
    [InlineData(50 * GB - GB / 2, ResourceStatus.Manual)]
    public void TheMinimumIsEnoughExactlyAndJustBelowItIsNot(long freeBytes, ResourceStatus expected)
    {
        using var scenario = new Scenario(Resources(), Host(freeBytes));

        Assert.Equal(expected, scenario.Plan().StatusOf("scratch"));
    }

    [Fact]
    public void AMissingVolumeFails()
    {
        var resources = JArray.Parse("""[ { "id": "d", "type": "freeSpace", "properties": { "path": "D:\\Scratch", "minimumFreePercent": 5 } } ]""");
        using var scenario = new Scenario(resources, Host(60 * GB));

        Assert.Equal("could not read: the volume D: of \"D:\\Scratch\" does not exist on HOST01.", scenario.Plan().Resource("d").Error);
    }

    [Theory]
    [InlineData("""{ "path": "C:\\", "minimumFreePercent": 0 }""", "b.json(2,41): \"minimumFreePercent\" of resource \"a\" (freeSpace) is the number 0; give a number above 0 and at most 100, such as 10.")]
    [InlineData("""{ "path": "C:\\", "minimumFreePercent": "10%" }""", "b.json(2,45): \"minimumFreePercent\" of resource \"a\" (freeSpace) is the string \"10%\"; give a number above 0 and at most 100, such as 10.")]
    public void BadInputIsLocated(string properties, string message)
    {
        Assert.Equal(message, BaselineErrors.Of("freeSpace", properties));
    }
}
