using System.Text;
using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class JsonFileTests
{
    private const string Overrides = @"C:\Program Files\Azure Workload Backup\bin\ExtensionSettingsOverrides.json";
    private const string RealOverrides = "files/C/Program Files/Azure Workload Backup/bin/ExtensionSettingsOverrides.json";

    private static JObject Resource(string id, JObject properties) =>
        new() { ["id"] = id, ["type"] = "jsonFile", ["properties"] = properties };

    private static JObject Properties(JObject? set = null, JArray? remove = null, string path = Overrides)
    {
        var properties = new JObject { ["path"] = path };
        if (set is not null)
        {
            properties["set"] = set;
        }

        if (remove is not null)
        {
            properties["remove"] = remove;
        }

        return properties;
    }

    private static JObject Whitelist(string instances) => new() { ["whitelistedInstancesForInquiry"] = instances };

    /// <summary>A scenario whose host has a file tree, with the overrides file holding <paramref name="content"/> (none when null).</summary>
    private static Scenario WithFile(byte[]? content, JObject properties, JArray? faults = null)
    {
        var snapshot = new JObject { ["fileSystemRoot"] = "files" };
        if (faults is not null)
        {
            snapshot["faults"] = faults;
        }

        var scenario = new Scenario(new JArray(Resource("overrides", properties)), snapshot);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "files", "C"));
        if (content is not null)
        {
            var path = Path.Combine(scenario.Folder, RealOverrides);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }

        return scenario;
    }

    private static Scenario WithFile(string content, JObject properties, JArray? faults = null) =>
        WithFile(Encoding.UTF8.GetBytes(content), properties, faults);

    private static string Text(Scenario scenario) => File.ReadAllText(Path.Combine(scenario.Folder, RealOverrides));

    private static JArray Fault(string operation, string path = Overrides) =>
        [new JObject { ["operation"] = operation, ["target"] = "file:" + path }];

    [Fact]
    public void WhatIfWritesNothingThenApplySetsTheKeysKeepingEveryOtherKeyItsOrderAndFormatting()
    {
        const string original = "{\n    \"ExistingKey1\":\"ExistingValue1\",\n    \"Nested\": { \"a\": [1, 2] },   // kept\n    \"whitelistedInstancesForInquiry\": \"OLD\"\n}\n";
        var set = Whitelist("CRPPA,CRPPB");
        set["RetryCount"] = 5;
        using var scenario = WithFile(original, Properties(set));
        var before = FileTree.Capture(scenario.Folder);

        var plan = scenario.Plan();

        Assert.Equal(before, FileTree.Capture(scenario.Folder));
        Assert.Equal(["whitelistedInstancesForInquiry: OLD → CRPPA,CRPPB", "RetryCount: (absent) → 5"], plan.DifferencesOf("overrides"));

        var apply = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("overrides"));
        Assert.Equal(plan.DifferencesOf("overrides"), apply.DifferencesOf("overrides"));
        Assert.Equal(
            "{\n    \"ExistingKey1\":\"ExistingValue1\",\n    \"Nested\": { \"a\": [1, 2] },   // kept\n    \"whitelistedInstancesForInquiry\": \"CRPPA,CRPPB\",\n    \"RetryCount\":5\n}\n",
            Text(scenario));

        var applied = FileTree.Capture(scenario.Folder);
        Assert.Equal(ResourceStatus.Compliant, scenario.Apply().StatusOf("overrides"));
        Assert.Equal(applied, FileTree.Capture(scenario.Folder));
    }

    [Theory]
    [InlineData("{\r\n  \"a\": 1,\r\n  \"b\": 2,\r\n  \"c\": 3\r\n}\r\n", "b", "{\r\n  \"a\": 1,\r\n  \"c\": 3\r\n}\r\n")]
    [InlineData("{\r\n  \"a\": 1,\r\n  \"b\": 2,\r\n  \"c\": 3\r\n}\r\n", "a", "{\r\n  \"b\": 2,\r\n  \"c\": 3\r\n}\r\n")]
    [InlineData("{\r\n  \"a\": 1,\r\n  \"b\": 2,\r\n  \"c\": 3\r\n}\r\n", "c", "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n")]
    [InlineData("{ \"a\": 1, \"b\": [2, { \"x\": \"}\" }] }", "b", "{ \"a\": 1 }")]
    [InlineData("{\n  \"whitelistedInstancesForInquiry\": \"CRPPA\"\n}\n", "whitelistedInstancesForInquiry", "{}\n")]
    public void RemovingAKeyCutsItWithItsSeparatorAndLeavesTheRestAsItWas(string original, string key, string expected)
    {
        using var scenario = WithFile(original, Properties(remove: [key]));

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, run.StatusOf("overrides"));
        Assert.Equal(expected, Text(scenario));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("overrides"));
    }

    [Fact]
    public void ANewKeyFollowsTheFilesStyleOnOneLineToo()
    {
        using var scenario = WithFile("""{"a":1}""", Properties(new JObject { ["b"] = new JObject { ["c"] = true } }));

        scenario.Apply();

        Assert.Equal("""{"a":1, "b":{"c":true}}""", Text(scenario));
    }

    [Fact]
    public void ANewObjectValueIsIndentedAsTheFilesMembersAre()
    {
        using var scenario = WithFile("{\r\n\t\"a\": 1\r\n}", Properties(new JObject { ["b"] = new JObject { ["c"] = new JArray(1, 2) } }));

        scenario.Apply();

        Assert.Equal("{\r\n\t\"a\": 1,\r\n\t\"b\": {\r\n\t\t\"c\": [\r\n\t\t\t1,\r\n\t\t\t2\r\n\t\t]\r\n\t}\r\n}", Text(scenario));
    }

    [Fact]
    public void AMissingFileAndFolderAreCreated()
    {
        using var scenario = WithFile((byte[]?)null, Properties(Whitelist("CRPPA,CRPPB")));

        var plan = scenario.Plan();
        Assert.False(Directory.Exists(Path.Combine(scenario.Folder, "files/C/Program Files")));
        var apply = scenario.Apply();

        Assert.Equal(["whitelistedInstancesForInquiry: (absent) → CRPPA,CRPPB"], plan.DifferencesOf("overrides"));
        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("overrides"));
        Assert.Equal("{\r\n  \"whitelistedInstancesForInquiry\": \"CRPPA,CRPPB\"\r\n}\r\n", Text(scenario));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("overrides"));
    }

    [Fact]
    public void KeysCompareCaseSensitivelyAsJsonMemberNamesDo()
    {
        using var scenario = WithFile("{ \"WhitelistedInstancesForInquiry\": \"CRPPA\" }", Properties(Whitelist("CRPPA")));

        scenario.Apply();

        Assert.Equal("{ \"WhitelistedInstancesForInquiry\": \"CRPPA\", \"whitelistedInstancesForInquiry\": \"CRPPA\" }", Text(scenario));
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsKept()
    {
        using var scenario = WithFile([0xEF, 0xBB, 0xBF, .. "{ \"a\": \"é\" }"u8], Properties(Whitelist("X")));

        scenario.Apply();

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "{ \"a\": \"é\", \"whitelistedInstancesForInquiry\": \"X\" }"u8],
            File.ReadAllBytes(Path.Combine(scenario.Folder, RealOverrides)));
    }

    [Theory]
    [InlineData("[ \"CRPPA\" ]", "holds an array, not a JSON object { ... }.")]
    [InlineData("\"CRPPA\"", "holds the string \"CRPPA\", not a JSON object { ... }.")]
    [InlineData("  \r\n", "is empty, not a JSON object.")]
    [InlineData("{ \"a\": 1,\n  \"b\" 2 }", "(2,6): the file is not valid JSON: Invalid character after parsing property name. Expected ':' but got: 2; fix the syntax there.")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", "(1,14): a member appears twice in the same object (a); keep one.")]
    public void AFileThatIsNotAJsonObjectFailsTheResourceAndIsLeftUntouched(string content, string problem)
    {
        using var scenario = WithFile(content, Properties(Whitelist("CRPPA")));
        var before = FileTree.Capture(scenario.Folder);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("overrides"));
        Assert.Equal(
            $"could not read: {Overrides}{(problem.StartsWith('(') ? "" : " ")}{problem} The file is left as it is: this tool never overwrites content it cannot read; fix it by hand (an empty object is {{}}) or delete it.",
            run.Resource("overrides").Error);
        Assert.Equal(before, FileTree.Capture(scenario.Folder));
    }

    [Fact]
    public void AWriteThatFailsBeforeTheRenameLeavesTheOriginalFileIntact()
    {
        const string original = "{ \"whitelistedInstancesForInquiry\": \"OLD\" }";
        using var scenario = WithFile(original, Properties(Whitelist("NEW")), Fault("set"));

        var run = scenario.Apply();

        Assert.Equal("could not apply: Access is denied.", run.Resource("overrides").Error);
        Assert.Equal(original, Text(scenario));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Path.Combine(scenario.Folder, RealOverrides))!));
    }

    [Fact]
    public void AFaultOnOneFileFailsOnlyTheResourceUsingIt()
    {
        const string other = @"C:\ProgramData\App\settings.json";
        var snapshot = new JObject { ["fileSystemRoot"] = "files", ["faults"] = Fault("read") };
        using var scenario = new Scenario(
            [Resource("overrides", Properties(Whitelist("X"))), Resource("other", Properties(Whitelist("X"), path: other))], snapshot);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "files", "C"));

        var run = scenario.Apply();

        Assert.Equal("could not read: Access is denied.", run.Resource("overrides").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
    }

    [Theory]
    [InlineData("""{ "set": { "a": 1 } }""", "b.json(1,78): resource \"j\" (jsonFile) has no \"path\"; add \"path\": \"...\".")]
    [InlineData("""{ "path": "settings.json", "set": { "a": 1 } }""", "b.json(1,102): \"path\" of resource \"j\" (jsonFile) is \"settings.json\"; give an absolute path with a drive letter, such as C:\\Program Files\\Azure Workload Backup\\bin\\ExtensionSettingsOverrides.json.")]
    [InlineData("""{ "path": "C:\\a.json" }""", "b.json(1,78): resource \"j\" (jsonFile) neither sets nor removes a key; add \"set\": { \"key\": value } or \"remove\": [\"key\"].")]
    [InlineData("""{ "path": "C:\\a.json", "set": { "a": 1, "b": 2 }, "remove": ["c", "b"] }""", "b.json(1,147): the key \"b\" of resource \"j\" (jsonFile) is both in \"set\" and in \"remove\"; keep it in one of them.")]
    [InlineData("""{ "path": "C:\\a.json", "remove": ["c", "c"] }""", "b.json(1,120): the key \"c\" appears twice in \"remove\" of resource \"j\" (jsonFile); keep one.")]
    [InlineData("""{ "path": "C:\\a.json", "set": [ "a" ] }""", "b.json(1,109): \"set\" of resource \"j\" (jsonFile) must be a JSON object { ... }; found an array.")]
    public void BadInputIsLocated(string properties, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "j", "type": "jsonFile", "properties": {{properties}} } ] }""");

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(message, e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }
}
