using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class AntivirusExclusionTests
{
    private const string Scratch = @"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch";
    private const string Bin = @"C:\Program Files\Microsoft Azure Recovery Services Agent\Bin";

    /// <summary>The MARS agent's exclusions (seeds 003, 004), written three different ways.</summary>
    private static JArray Mars(string id = "mars") => JArray.Parse($$"""
        [ { "id": "{{id}}", "type": "antivirusExclusion", "properties": {
              "paths": [ "%ProgramFiles%\\Microsoft Azure Recovery Services Agent\\Scratch",
                         "${ProgramFiles}\\Microsoft Azure Recovery Services Agent\\Bin" ],
              "processes": [ "CBengine.exe", "CSC.exe" ],
              "extensions": [ ".LDF", "bak" ] } } ]
        """);

    /// <summary>Bin, CBengine.exe and ldf are there in other spellings; the rest belongs to someone else.</summary>
    private static JObject Host() => JObject.Parse("""
        {
          "facts": { "ProgramFiles": "C:\\Program Files" },
          "antivirus": {
            "exclusionPaths": [ "D:\\Other\\Team", "c:\\program files\\microsoft azure recovery services agent\\bin\\" ],
            "exclusionProcesses": [ "sqlservr.exe", "cbengine.EXE" ],
            "exclusionExtensions": [ "ldf" ] }
        }
        """);

    private static IReadOnlyList<string> List(Scenario scenario, string name) =>
        scenario.SnapshotJson["antivirus"]![name]!.Select(t => (string)t!).ToList();

    [Fact]
    public void WhatIfReportsEachListWithMissingEntriesAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = new Scenario(Mars(), Host());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("mars"));
        Assert.Equal(
            [
                """paths: ["c:\\program files\\microsoft azure recovery services agent\\bin\\"] → ["C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch","C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Bin"]""",
                """processes: ["cbengine.EXE"] → ["CBengine.exe","CSC.exe"]""",
                """extensions: ["ldf"] → [".LDF","bak"]""",
            ],
            plan.DifferencesOf("mars"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyAddsOnlyWhatIsMissingKeepsEveryOtherExclusionAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(Mars(), Host());

        var first = scenario.Apply();
        var afterFirst = File.ReadAllBytes(scenario.SnapshotPath);
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("mars"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("mars"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(afterFirst, File.ReadAllBytes(scenario.SnapshotPath));
        Assert.Equal([@"D:\Other\Team", @"c:\program files\microsoft azure recovery services agent\bin\", Scratch], List(scenario, "exclusionPaths"));
        Assert.Equal(["sqlservr.exe", "cbengine.EXE", "CSC.exe"], List(scenario, "exclusionProcesses"));
        Assert.Equal(["ldf", "bak"], List(scenario, "exclusionExtensions"));
    }

    [Fact]
    public void ApplyMakesExactlyThePlannedChanges()
    {
        using var scenario = new Scenario(Mars(), Host());

        Assert.Equal(scenario.Plan().DifferencesOf("mars"), scenario.Apply().DifferencesOf("mars"));
    }

    [Theory]
    [InlineData(@"c:\program files\x\")]
    [InlineData(@"C:\Program Files\X")]
    [InlineData(@"C:/Program Files/X/")]
    [InlineData(@"%programfiles%\x")]
    public void PathsCompareIgnoringCaseTrailingBackslashesAndFactSpellings(string onHost)
    {
        var resources = JArray.Parse("""
            [ { "id": "x", "type": "antivirusExclusion", "properties": {
                "paths": [ "%ProgramFiles%\\X", "${ProgramFiles}\\X\\", "%PROGRAMFILES%\\x" ] } } ]
            """);
        var host = new JObject { ["antivirus"] = new JObject { ["exclusionPaths"] = new JArray(onHost) } };
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("x"));
    }

    [Fact]
    public void OneMissingPathWrittenSeveralWaysIsAddedOnceWithTheFactsExpanded()
    {
        var resources = JArray.Parse("""
            [ { "id": "x", "type": "antivirusExclusion", "properties": {
                "paths": [ "%ProgramFiles%\\Azure Workload Backup", "${ProgramFiles}\\azure workload backup\\", "%SystemDrive%\\WindowsAzure\\Logs\\Plugins" ] } } ]
            """);
        using var scenario = new Scenario(resources, new JObject());

        scenario.Apply();

        Assert.Equal([@"C:\Program Files\Azure Workload Backup", @"C:\WindowsAzure\Logs\Plugins"], List(scenario, "exclusionPaths"));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("x"));
    }

    [Fact]
    public void AProcessNamedByFileNameIsNotTheSameExclusionAsAFullPath()
    {
        var resources = JArray.Parse("""[ { "id": "x", "type": "antivirusExclusion", "properties": { "processes": [ "cbengine.exe" ] } } ]""");
        var host = JObject.Parse("""{ "antivirus": { "exclusionProcesses": [ "C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Bin\\CBengine.exe" ] } }""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(["processes: [] → [\"cbengine.exe\"]"], scenario.Plan().DifferencesOf("x"));
    }

    [Fact]
    public void AProcessFullPathComparesLikeAPath()
    {
        var resources = JArray.Parse("""[ { "id": "x", "type": "antivirusExclusion", "properties": { "processes": [ "%ProgramFiles%\\Agent\\CBENGINE.EXE" ] } } ]""");
        var host = JObject.Parse("""{ "antivirus": { "exclusionProcesses": [ "c:\\program files\\agent\\cbengine.exe" ] } }""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("x"));
    }

    [Theory]
    [InlineData("bak", ".BAK")]
    [InlineData(".bak", "bak")]
    [InlineData("BAK", "bak")]
    public void ExtensionsCompareIgnoringCaseAndTheLeadingDot(string desired, string onHost)
    {
        var resources = JArray.Parse($$"""[ { "id": "x", "type": "antivirusExclusion", "properties": { "extensions": [ "{{desired}}" ] } } ]""");
        var host = JObject.Parse($$"""{ "antivirus": { "exclusionExtensions": [ "{{onHost}}" ] } }""");
        using var scenario = new Scenario(resources, host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("x"));
    }

    [Fact]
    public void AHostWithoutExclusionsGetsThemAll()
    {
        using var scenario = new Scenario(Mars(), new JObject());

        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("mars"));
        Assert.Equal([Scratch, Bin], List(scenario, "exclusionPaths"));
        Assert.Equal(["CBengine.exe", "CSC.exe"], List(scenario, "exclusionProcesses"));
        Assert.Equal([".LDF", "bak"], List(scenario, "exclusionExtensions"));
    }

    [Fact]
    public void ASetFaultFailsOnlyThatResourceSkipsItsDependentsAndTheRestApplies()
    {
        var resources = new JArray(
            Mars("faulty")[0],
            JObject.Parse("""{ "id": "dependent", "type": "registry", "dependsOn": ["faulty"], "properties": { "key": "HKLM\\SOFTWARE\\B", "values": { "V": { "kind": "dword", "data": 1 } } } }"""),
            JObject.Parse("""{ "id": "independent", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\C", "values": { "V": { "kind": "dword", "data": 1 } } } }"""));
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "antivirus", "message": "Operation failed with the following error: 0x800106ba." } ]""");
        using var scenario = new Scenario(resources, host);
        var exclusionsBefore = scenario.SnapshotJson["antivirus"]!.ToString();

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("faulty"));
        Assert.Equal("could not apply: Operation failed with the following error: 0x800106ba.", run.Resource("faulty").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("dependent"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("independent"));
        Assert.Equal(6, ExitCodes.Detailed(run));
        Assert.Equal(exclusionsBefore, scenario.SnapshotJson["antivirus"]!.ToString());
    }

    [Fact]
    public void AReadFaultIsAFailureNeverDrift()
    {
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "read", "target": "antivirus", "message": "The operation timed out." } ]""");
        using var scenario = new Scenario(Mars(), host);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("mars"));
        Assert.Equal("could not read: The operation timed out.", run.Resource("mars").Error);
        Assert.Equal(4, ExitCodes.Detailed(run));
    }

    [Theory]
    [InlineData("paths", "path")]
    [InlineData("processes", "process")]
    [InlineData("extensions", "extension")]
    public void AnEmptyListIsAnErrorAtItsPosition(string property, string singular)
    {
        Assert.Equal(
            $"b.json(2,{property.Length + 7}): \"{property}\" of resource \"av\" (antivirusExclusion) is empty; list at least one {singular}, or remove \"{property}\".",
            Error($$"""
                { "name": "t", "resources": [ { "id": "av", "type": "antivirusExclusion", "properties": {
                  "{{property}}": [] } } ] }
                """));
    }

    [Fact]
    public void AResourceWithoutAnyListIsAnError()
    {
        Assert.Equal(
            "b.json(1,89): resource \"av\" (antivirusExclusion) declares no exclusions; add \"paths\", \"processes\" or \"extensions\".",
            Error("""{ "name": "t", "resources": [ { "id": "av", "type": "antivirusExclusion", "properties": { } } ] }"""));
    }

    [Fact]
    public void AWildcardExtensionIsAnErrorAtTheEntry()
    {
        Assert.Equal(
            "b.json(2,32): the extension \"*.bak\" in \"extensions\" of resource \"av\" (antivirusExclusion) is not a file extension; give the extension alone, such as \"bak\" or \".bak\".",
            Error("""
                { "name": "t", "resources": [ { "id": "av", "type": "antivirusExclusion", "properties": {
                  "extensions": [ "ldf", "*.bak" ] } } ] }
                """));
    }

    private static string Error(string baseline)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", baseline);
        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
