using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class FileAccessTests
{
    private const string Svi = @"C:\System Volume Information";
    private const string Gac32 = @"C:\Windows\Microsoft.NET\assembly\GAC_32";
    private const string PluginService = @"NT Service\AzureWLBackupPluginSvc";

    private static JObject Resource(string id, string path, string identity, string rights, bool? inherit = null)
    {
        var properties = new JObject { ["path"] = path, ["identity"] = identity, ["rights"] = rights };
        if (inherit is not null)
        {
            properties["inherit"] = inherit;
        }

        return new JObject { ["id"] = id, ["type"] = "fileAccess", ["properties"] = properties };
    }

    private static JObject Rule(string identity, string rights, string type = "allow", bool inherit = true) =>
        new() { ["identity"] = identity, ["rights"] = rights, ["type"] = type, ["inherit"] = inherit };

    private static JObject Host(JObject? fileAccess, JArray? faults = null)
    {
        var snapshot = new JObject { ["fileSystemRoot"] = "files" };
        if (fileAccess is not null)
        {
            snapshot["fileAccess"] = fileAccess;
        }

        if (faults is not null)
        {
            snapshot["faults"] = faults;
        }

        return snapshot;
    }

    private static Scenario Create(JArray resources, JObject snapshot)
    {
        var scenario = new Scenario(resources, snapshot);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "files", "C", "Windows", "Microsoft.NET", "assembly", "GAC_32"));
        File.WriteAllText(Path.Combine(scenario.Folder, "files", "C", "Windows", "Microsoft.NET", "assembly", "machine.config"), "<configuration />");
        return scenario;
    }

    private static JToken RulesOf(Scenario scenario, string path) => scenario.SnapshotJson["fileAccess"]![path]!;

    [Fact]
    public void WhatIfWritesNothingThenApplyAddsTheRuleAndRemovesNoOtherRule()
    {
        var administrators = Rule(@"BUILTIN\Administrators", "fullControl");
        using var scenario = Create([Resource("svi", Svi, "SYSTEM", "fullControl")],
            Host(new JObject { [Svi] = new JArray(administrators) }));
        var before = FileTree.Capture(scenario.Folder);

        var plan = scenario.Plan();

        Assert.Equal(before, FileTree.Capture(scenario.Folder));
        Assert.Equal([@"NT AUTHORITY\SYSTEM: (absent) → allow fullControl, inherited by subfolders and files"], plan.DifferencesOf("svi"));

        var apply = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("svi"));
        Assert.Equal(new JArray(administrators, Rule(@"NT AUTHORITY\SYSTEM", "fullControl")), RulesOf(scenario, Svi));
        var applied = FileTree.Capture(scenario.Folder);
        Assert.Equal(ResourceStatus.Compliant, scenario.Apply().StatusOf("svi"));
        Assert.Equal(applied, FileTree.Capture(scenario.Folder));
    }

    [Theory]
    [InlineData("fullControl", "read")]
    [InlineData("modify", "readAndExecute")]
    [InlineData("readAndExecute", "read")]
    [InlineData("read", "read")]
    public void LargerRightsIncludeSmallerOnes(string granted, string wanted)
    {
        using var scenario = Create([Resource("gac", Gac32, PluginService, wanted)],
            Host(new JObject { [Gac32] = new JArray(Rule(@"NT SERVICE\azurewlbackuppluginsvc", granted)) }));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("gac"));
    }

    [Fact]
    public void ASmallerRightIsRaisedByMergingAsWindowsDoesAndOtherRulesStay()
    {
        var users = Rule(@"BUILTIN\Users", "readAndExecute");
        using var scenario = Create([Resource("gac", Gac32, PluginService, "modify")],
            Host(new JObject { [Gac32] = new JArray(users, Rule(PluginService, "read"), Rule(PluginService, "read", inherit: false)) }));

        var plan = scenario.Plan();
        scenario.Apply();

        Assert.Equal([@"NT Service\AzureWLBackupPluginSvc: allow read, inherited by subfolders and files; allow read, this folder only → allow modify, inherited by subfolders and files"],
            plan.DifferencesOf("gac"));
        Assert.Equal(new JArray(users, Rule(PluginService, "modify"), Rule(PluginService, "read", inherit: false)), RulesOf(scenario, Gac32));
    }

    [Fact]
    public void ARuleForThisFolderOnlyDoesNotSatisfyAnInheritedOne()
    {
        var thisFolderOnly = new JObject { [Gac32] = new JArray(Rule(PluginService, "fullControl", inherit: false)) };
        using var inherited = Create([Resource("gac", Gac32, PluginService, "read")], Host((JObject)thisFolderOnly.DeepClone()));
        using var notInherited = Create([Resource("gac", Gac32, PluginService, "read", inherit: false)], Host(thisFolderOnly));

        Assert.Equal(ResourceStatus.Drifted, inherited.Plan().StatusOf("gac"));
        Assert.Equal(ResourceStatus.Compliant, notInherited.Plan().StatusOf("gac"));
    }

    [Theory]
    [InlineData("Administrators", @"BUILTIN\Administrators")]
    [InlineData(@"BUILTIN\Administrators", "administrators")]
    [InlineData("LocalSystem", @"NT AUTHORITY\SYSTEM")]
    [InlineData(@"nt service\AZUREWLBACKUPPLUGINSVC", PluginService)]
    [InlineData(@".\backup", @"HOST01\Backup")]
    public void IdentitiesCompareAsWindowsResolvesThem(string declared, string inSnapshot)
    {
        using var scenario = Create([Resource("svi", Svi, declared, "read")], Host(new JObject { [Svi] = new JArray(Rule(inSnapshot, "fullControl")) }));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("svi"));
    }

    [Fact]
    public void AServicesVirtualAccountIsNotTheSameAsABareNameOfTheSameSpelling()
    {
        using var scenario = Create([Resource("gac", Gac32, PluginService, "read")], Host(new JObject { [Gac32] = new JArray(Rule("AzureWLBackupPluginSvc", "fullControl")) }));

        Assert.Equal(ResourceStatus.Drifted, scenario.Plan().StatusOf("gac"));
    }

    [Fact]
    public void ADenyRuleIsAManualDifferenceAndNothingIsChanged()
    {
        using var scenario = Create([Resource("svi", Svi, @"NT AUTHORITY\SYSTEM", "fullControl")],
            Host(new JObject { [Svi] = new JArray(Rule("SYSTEM", "fullControl"), Rule("SYSTEM", "modify", type: "deny")) }));
        var before = FileTree.Capture(scenario.Folder);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("svi"));
        Assert.Equal([@"NT AUTHORITY\SYSTEM: allow fullControl, inherited by subfolders and files; deny modify, inherited by subfolders and files → allow fullControl, inherited by subfolders and files"],
            run.DifferencesOf("svi"));
        Assert.Equal(
            @"a deny rule for NT AUTHORITY\SYSTEM on C:\System Volume Information overrides every allow rule, and this tool never removes access rules: remove the deny rule by hand if nobody meant it, then run again",
            run.Resource("svi").Differences.Single().ManualReason);
        Assert.Equal(before, FileTree.Capture(scenario.Folder));
    }

    [Fact]
    public void APathOnlyInTheFileTreeHasNoRulesYetAndAFilesRuleIsNotInherited()
    {
        const string machineConfig = @"C:\Windows\Microsoft.NET\assembly\machine.config";
        using var scenario = Create([Resource("gac", Gac32, PluginService, "read"), Resource("config", machineConfig, PluginService, "read")], Host(null));

        var plan = scenario.Plan();
        scenario.Apply();

        Assert.Equal([@"NT Service\AzureWLBackupPluginSvc: (absent) → allow read"], plan.DifferencesOf("config"));
        Assert.Equal(new JArray(Rule(PluginService, "read")), RulesOf(scenario, Gac32));
        Assert.Equal(new JArray(Rule(PluginService, "read", inherit: false)), RulesOf(scenario, machineConfig));
    }

    [Fact]
    public void APathInNeitherTheSectionNorTheFileTreeFails()
    {
        using var scenario = Create([Resource("svi", @"C:\Nowhere", "SYSTEM", "read")], Host(new JObject { [Svi] = new JArray() }));

        var run = scenario.Plan();

        Assert.Equal(@"could not read: C:\Nowhere does not exist on HOST01; check ""path"" (this tool sets access on existing files and folders only).", run.Resource("svi").Error);
    }

    [Theory]
    [InlineData("read", "could not read: Access is denied.")]
    [InlineData("set", "could not apply: Access is denied.")]
    public void AFaultOnOnePathFailsOnlyTheResourceUsingIt(string operation, string error)
    {
        var faults = new JArray(new JObject { ["operation"] = operation, ["target"] = "file:" + Svi });
        using var scenario = Create([Resource("svi", Svi, "SYSTEM", "fullControl"), Resource("gac", Gac32, PluginService, "read")],
            Host(new JObject { [Svi] = new JArray() }, faults));

        var run = scenario.Apply();

        Assert.Equal(error, run.Resource("svi").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("gac"));
        Assert.Equal(new JArray(), RulesOf(scenario, Svi));
    }

    [Fact]
    public void PathsInTheSectionIgnoreCaseAndATrailingBackslash()
    {
        using var scenario = Create([Resource("svi", @"c:\system volume information\", "SYSTEM", "fullControl")],
            Host(new JObject { [Svi] = new JArray(Rule("SYSTEM", "fullControl")) }));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("svi"));
    }

    [Theory]
    [InlineData("""{ "path": "C:\\x", "identity": "SYSTEM", "rights": "write" }""", "b.json(1,137): \"rights\" of resource \"f\" (fileAccess) is the string \"write\"; use one of: read, readAndExecute, modify, fullControl.")]
    [InlineData("""{ "identity": "SYSTEM", "rights": "read" }""", "b.json(1,80): resource \"f\" (fileAccess) has no \"path\"; add \"path\": \"...\".")]
    [InlineData("""{ "path": "C:\\x", "rights": "read" }""", "b.json(1,80): resource \"f\" (fileAccess) has no \"identity\"; add \"identity\": \"...\".")]
    [InlineData("""{ "path": "C:\\x", "identity": "SYSTEM", "rights": "read", "inherit": "yes" }""", "b.json(1,154): \"inherit\" of resource \"f\" (fileAccess) must be true or false; found the string \"yes\".")]
    public void BadInputIsLocated(string properties, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "f", "type": "fileAccess", "properties": {{properties}} } ] }""");

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(message, e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "C:\\x": [ { "identity": "SYSTEM", "rights": "everything" } ] }""", "(1,96): \"rights\" of a rule of \"C:\\x\" in the \"fileAccess\" section is the string \"everything\"; use one of: read, readAndExecute, modify, fullControl.")]
    [InlineData("""{ "C:\\x": [], "c:\\X": [] }""", "(1,60): the path \"c:\\X\" appears twice in the \"fileAccess\" section (paths ignore case on Windows); keep one.")]
    [InlineData("""{ "C:\\x": {} }""", "(1,49): the rules of \"C:\\x\" in the \"fileAccess\" section must be an array of { \"identity\", \"rights\", \"type\", \"inherit\" }; found an object.")]
    public void BadSnapshotSectionsAreLocated(string section, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.json", $$"""{ "computerName": "H", "fileAccess": {{section}} }""");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Equal(path + message, e.Message);
    }
}
