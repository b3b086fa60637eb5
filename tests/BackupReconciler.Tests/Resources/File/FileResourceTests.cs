using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class FileResourceTests
{
    private const string Kek = @"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch\OnlineBackup.KEK";

    private const string Scratch = "files/C/Program Files/Microsoft Azure Recovery Services Agent/Scratch";

    private static JArray Resource(string properties, string mode = "enforce") => JArray.Parse($$"""
        [ { "id": "kek", "type": "file", "mode": "{{mode}}", "properties": {{properties}} } ]
        """);

    private static Scenario WithScratch(JArray resources, int? kekBytes, bool readOnly = false, bool files = true)
    {
        var scenario = new Scenario(resources, files ? new JObject { ["fileSystemRoot"] = "files" } : []);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, Scratch));
        if (kekBytes is { } bytes)
        {
            var path = Path.Combine(scenario.Folder, Scratch, "onlinebackup.kek");
            File.WriteAllBytes(path, new byte[bytes]);
            if (readOnly)
            {
                File.SetAttributes(path, FileAttributes.ReadOnly);
            }
        }

        return scenario;
    }

    private static string Json(string path) => JValue.CreateString(path).ToString(Newtonsoft.Json.Formatting.None);

    [Fact]
    public void APresentFileOfEnoughSizeIsCompliantWhateverTheCaseOfItsName()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}}, "minimumSize": "1KB" }"""), 2048);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("kek"));
    }

    [Fact]
    public void AMissingFileIsAManualStepEvenInEnforceModeBecauseItsContentCannotBeMade()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}} }"""), null);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("kek"));
        Assert.Contains(run.ManualSteps, s => s.Step.Contains("registering the server with the vault again", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(scenario.Folder, Scratch, "OnlineBackup.KEK")));
    }

    [Fact]
    public void AFileSmallerThanTheMinimumIsAManualStep()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}}, "minimumSize": 16 }"""), 4);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Manual, plan.StatusOf("kek"));
        Assert.Equal("sizeBytes", Assert.Single(plan.Resource("kek").Differences).Property);
    }

    [Fact]
    public void AFileThatMustBeAbsentIsDeletedByApplyAndWhatIfLeavesIt()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}}, "ensure": "absent" }"""), 8);
        var file = Path.Combine(scenario.Folder, Scratch, "onlinebackup.kek");

        Assert.Equal(ResourceStatus.Drifted, scenario.Plan().StatusOf("kek"));
        Assert.True(File.Exists(file));
        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("kek"));
        Assert.False(File.Exists(file));
        Assert.Equal(ResourceStatus.Compliant, scenario.Apply().StatusOf("kek"));
    }

    [Fact]
    public void AReadOnlyFileThatMustBeAbsentFailsAndStays()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}}, "ensure": "absent" }"""), 8, readOnly: true);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("kek"));
        Assert.Contains("read-only", run.Resource("kek").Error);
    }

    [Fact]
    public void AuditModeNeverDeletes()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}}, "ensure": "absent" }""", "audit"), 8);

        Assert.Equal(ResourceStatus.Manual, scenario.Apply().StatusOf("kek"));
        Assert.True(File.Exists(Path.Combine(scenario.Folder, Scratch, "onlinebackup.kek")));
    }

    [Fact]
    public void AHostWhoseFilesCannotBeSeenFailsTheCheckInsteadOfCallingTheFileMissing()
    {
        using var scenario = WithScratch(Resource($$"""{ "path": {{Json(Kek)}} }"""), null, files: false);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, plan.StatusOf("kek"));
        Assert.Contains("cannot be seen", plan.Resource("kek").Error);
    }

    [Theory]
    [InlineData("""{ "path": "OnlineBackup.KEK" }""", "absolute path")]
    [InlineData("""{ "path": "C:\\Scratch\\*.KEK" }""", "without * or ?")]
    [InlineData("""{ "path": "C:\\Scratch\\a", "minimumSize": 0 }""", "a number of bytes above 0")]
    [InlineData("""{ "path": "C:\\Scratch\\a", "minimumSize": "1TB" }""", "\"1KB\" or \"20MB\"")]
    [InlineData("""{ "path": "C:\\Scratch\\a", "ensure": "absent", "minimumSize": 1 }""", "has no size")]
    [InlineData("""{ "path": "C:\\Scratch\\a", "ensure": "gone" }""", "present, absent")]
    public void AMistakeInTheResourceIsALocatedErrorThatSaysWhatToWrite(string properties, string expected)
    {
        using var scenario = WithScratch(Resource(properties), null);

        var error = Assert.Throws<BackupReconciler.Input.InputException>(() => scenario.Plan());

        Assert.Contains(expected, error.Message);
        Assert.Contains("baseline.json(", error.Message);
    }
}
