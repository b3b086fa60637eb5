using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class ShadowStorageTests
{
    private const long OneGb = 1L << 30;
    private const long DSize = 1L << 40;

    private static JArray Storage(string maxSize, string forVolume = "c:\\\\", string onVolume = "C:", string id = "vss") => JArray.Parse($$"""
        [ { "id": "{{id}}", "type": "shadowStorage",
            "properties": { "forVolume": "{{forVolume}}", "onVolume": "{{onVolume}}", "maxSize": {{maxSize}} } } ]
        """);

    /// <summary>C: has 1 GB of shadow storage on itself, D: (1 TB) has 5 GB, E: has none.</summary>
    private static JObject Host(string cLimit = "1073741824") => JObject.Parse($$"""
        {
          "volumes": {
            "C:": { "sizeBytes": 536870912000, "freeBytes": 120000000000 },
            "d:\\": { "sizeBytes": {{DSize}}, "freeBytes": 500000000000 },
            "E:": { "sizeBytes": 107374182400, "freeBytes": 100000000000 } },
          "shadowStorage": [
            { "forVolume": "C:", "onVolume": "C:", "maxSizeBytes": {{cLimit}} },
            { "forVolume": "D:", "onVolume": "D:", "maxSizeBytes": 5368709120 } ]
        }
        """);

    private static JObject Association(Scenario scenario, string forVolume, string onVolume) =>
        scenario.SnapshotJson["shadowStorage"]!.Cast<JObject>()
            .Single(a => (string)a["forVolume"]! == forVolume && (string)a["onVolume"]! == onVolume);

    [Fact]
    public void WhatIfReportsTheRaiseInBytesAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = new Scenario(Storage("\"20GB\""), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("vss"));
        Assert.Equal(["maxSize: 1073741824 → 21474836480"], plan.DifferencesOf("vss"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyRaisesTheLimitKeepsOtherAssociationsAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(Storage("\"20GB\""), Host());

        var first = scenario.Apply();
        var afterFirst = File.ReadAllBytes(scenario.SnapshotPath);
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("vss"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("vss"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(afterFirst, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal(20 * OneGb, (long)Association(scenario, "C:", "C:")["maxSizeBytes"]!);
        Assert.Equal(5 * OneGb, (long)Association(scenario, "D:", "D:")["maxSizeBytes"]!);
        Assert.Equal(2, scenario.SnapshotJson["shadowStorage"]!.Count());
    }

    [Fact]
    public void AMissingAssociationIsCreatedOnTheStorageVolume()
    {
        using var scenario = new Scenario(Storage("\"900MB\"", forVolume: "E:", onVolume: "d:"), Host());

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(["maxSize: (absent) → 943718400"], plan.DifferencesOf("vss"));
        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("vss"));
        Assert.Equal(900L << 20, (long)Association(scenario, "E:", "D:")["maxSizeBytes"]!);
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("vss"));
    }

    [Fact]
    public void ALargerLimitIsNeverShrunk()
    {
        using var scenario = new Scenario(Storage("\"20GB\""), Host(cLimit: (50 * OneGb).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Compliant, run.StatusOf("vss"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void AnEqualLimitIsCompliant()
    {
        using var scenario = new Scenario(Storage("1073741824"), Host());

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("vss"));
    }

    [Theory]
    [InlineData("\"1TB\"")]
    [InlineData("\"100%\"")]
    [InlineData("\"unbounded\"")]
    public void AnUnboundedLimitSatisfiesAnyDesiredSize(string maxSize)
    {
        using var scenario = new Scenario(Storage(maxSize), Host(cLimit: "null"));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("vss"));
    }

    [Fact]
    public void DesiringUnboundedLiftsABoundedLimit()
    {
        using var scenario = new Scenario(Storage("\"Unbounded\""), Host());

        Assert.Equal(["maxSize: 1073741824 → unbounded"], scenario.Plan().DifferencesOf("vss"));
        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("vss"));
        Assert.Equal(JTokenType.Null, Association(scenario, "C:", "C:")["maxSizeBytes"]!.Type);
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("vss"));
    }

    [Fact]
    public void APercentageIsOfTheStorageVolumeAndRoundsDownToWholeBytes()
    {
        // Shadow copies of C: stored on D: (1 TB): 10% is 109951162777.6 bytes, of D: not of C:.
        var host = Host();
        ((JArray)host["shadowStorage"]!).Add(JObject.Parse("""{ "forVolume": "C:", "onVolume": "D:", "maxSizeBytes": 1073741824 }"""));
        using var scenario = new Scenario(Storage("\"10%\"", forVolume: "C:", onVolume: "D:"), host);

        Assert.Equal(["maxSize: 1073741824 → 109951162777"], scenario.Plan().DifferencesOf("vss"));
        scenario.Apply();
        Assert.Equal(109951162777L, (long)Association(scenario, "C:", "D:")["maxSizeBytes"]!);
        Assert.Equal(OneGb, (long)Association(scenario, "C:", "C:")["maxSizeBytes"]!);
    }

    [Fact]
    public void AStorageVolumeTheHostDoesNotHaveFailsWithAClearMessage()
    {
        using var scenario = new Scenario(Storage("\"20GB\"", onVolume: "F:"), Host());

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("vss"));
        Assert.Equal(
            "could not read: the storage volume F: (onVolume) does not exist on HOST01 (its volumes are C:, D:, E:); correct \"onVolume\" or bring the volume online.",
            run.Resource("vss").Error);
        Assert.Equal(4, ExitCodes.Detailed(run));
    }

    [Fact]
    public void AShadowedVolumeTheHostDoesNotHaveFailsWithAClearMessage()
    {
        using var scenario = new Scenario(Storage("\"20GB\"", forVolume: "F:"), Host());

        Assert.Equal(
            "could not read: the volume F: (forVolume) does not exist on HOST01 (its volumes are C:, D:, E:); correct \"forVolume\" or bring the volume online.",
            scenario.Plan().Resource("vss").Error);
    }

    [Fact]
    public void CreatingAnAssociationOnAVolumeThatDoesNotExistFailsAsOnWindows()
    {
        using var folder = new TempFolder();
        var host = SnapshotHost.Load(folder.Write("s.json", """{ "computerName": "H", "volumes": { "C:": { "sizeBytes": 100, "freeBytes": 50 } } }"""));

        var error = Assert.Throws<HostOperationException>(() => host.ShadowStorage.Create("C:", "Q:", null));

        Assert.Equal("Specified volume not found. (Win32_ShadowStorage.Create returned 3 for Q:)", error.Message);
        Assert.Empty(host.ShadowStorage.ReadFor("c:"));
        Assert.False(host.HasChanges);
    }

    [Fact]
    public void ASetFaultFailsOnlyThatResourceSkipsItsDependentsAndTheRestApplies()
    {
        var resources = new JArray(
            Storage("\"20GB\"", forVolume: "C:", id: "faulty")[0],
            JObject.Parse("""{ "id": "dependent", "type": "shadowStorage", "dependsOn": ["faulty"], "properties": { "forVolume": "D:", "onVolume": "D:", "maxSize": "10GB" } }"""),
            JObject.Parse("""{ "id": "independent", "type": "shadowStorage", "properties": { "forVolume": "E:", "onVolume": "E:", "maxSize": "10%" } }"""));
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "shadowStorage:c:\\", "message": "Access is denied." } ]""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("faulty"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("faulty").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("dependent"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("independent"));
        Assert.Equal(6, ExitCodes.Detailed(run));
        Assert.Equal(OneGb, (long)Association(scenario, "C:", "C:")["maxSizeBytes"]!);
        Assert.Equal(5 * OneGb, (long)Association(scenario, "D:", "D:")["maxSizeBytes"]!);
        Assert.Equal(10737418240L, (long)Association(scenario, "E:", "E:")["maxSizeBytes"]!);
    }

    [Fact]
    public void AReadFaultIsAFailureOfThatVolumeOnlyNeverDrift()
    {
        var resources = new JArray(
            Storage("\"20GB\"", forVolume: "C:", id: "c")[0],
            Storage("\"20GB\"", forVolume: "D:", onVolume: "D:", id: "d")[0]);
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "read", "target": "shadowStorage:C:", "message": "The operation timed out." } ]""");
        using var scenario = new Scenario(resources, host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("c"));
        Assert.Equal("could not read: The operation timed out.", run.Resource("c").Error);
        Assert.Equal(ResourceStatus.Drifted, run.StatusOf("d"));
    }

    [Theory]
    [InlineData("\"-5GB\"", 19, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"-5GB\": a size cannot be negative; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\".")]
    [InlineData("\"120%\"", 19, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"120%\": a percentage of the storage volume must be more than 0% and at most 100%.")]
    [InlineData("\"0%\"", 17, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"0%\": a percentage of the storage volume must be more than 0% and at most 100%.")]
    [InlineData("\"abc\"", 18, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"abc\": that is not a size; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\".")]
    [InlineData("\"20GiB\"", 20, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"20GiB\": the unit is not one of B, KB, MB, GB, TB, PB or EB (binary, as vssadmin counts: 1 GB = 1024 MB).")]
    [InlineData("\"0GB\"", 18, "\"maxSize\" of resource \"vss\" (shadowStorage) is \"0GB\": a limit of zero would delete the shadow storage and its shadow copies; give a size above zero, a percentage such as \"10%\", or \"unbounded\".")]
    [InlineData("-5", 15, "\"maxSize\" of resource \"vss\" (shadowStorage) is -5: a size cannot be negative; give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\".")]
    [InlineData("1.5", 16, "\"maxSize\" of resource \"vss\" (shadowStorage) is 1.5, but bytes are a whole number; write a size with a unit instead, such as \"1.5TB\".")]
    [InlineData("true", 17, "\"maxSize\" of resource \"vss\" (shadowStorage) must be bytes as a number, a size such as \"20GB\", a percentage of the storage volume such as \"10%\", or \"unbounded\"; found true.")]
    public void AnInvalidMaxSizeIsAnErrorAtItsPosition(string maxSize, int column, string message)
    {
        Assert.Equal($"b.json(3,{column}): {message}", Error($$"""
            { "name": "t", "resources": [ { "id": "vss", "type": "shadowStorage", "properties": {
              "forVolume": "C:", "onVolume": "C:",
              "maxSize": {{maxSize}} } } ] }
            """));
    }

    [Fact]
    public void AVolumeThatIsNotADriveLetterIsAnErrorAtItsPosition()
    {
        Assert.Equal(
            "b.json(2,39): \"onVolume\" of resource \"vss\" (shadowStorage) is \"Data\"; give a drive letter such as \"C:\".",
            Error("""
                { "name": "t", "resources": [ { "id": "vss", "type": "shadowStorage", "properties": {
                  "forVolume": "C:", "onVolume": "Data", "maxSize": "20GB" } } ] }
                """));
    }

    [Fact]
    public void AMissingMaxSizeSaysWhatToWrite()
    {
        Assert.Equal(
            "b.json(1,85): resource \"vss\" (shadowStorage) has no \"maxSize\"; add \"maxSize\": bytes as a number, a size such as \"20GB\", a percentage of the storage volume such as \"10%\", or \"unbounded\".",
            Error("""{ "name": "t", "resources": [ { "id": "vss", "type": "shadowStorage", "properties": { "forVolume": "C:", "onVolume": "C:" } } ] }"""));
    }

    private static string Error(string baseline)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", baseline);
        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
