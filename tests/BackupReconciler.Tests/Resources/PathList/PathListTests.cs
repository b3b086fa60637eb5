using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Baselines;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class PathListTests
{
    private const string Environment = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment";

    private static JObject Host(string? psModulePath, string kind = "expandString")
    {
        var values = new JObject { ["Path"] = new JObject { ["kind"] = "expandString", ["data"] = @"%SystemRoot%\system32;%SystemRoot%" } };
        if (psModulePath is not null)
        {
            values["PSModulePath"] = new JObject { ["kind"] = kind, ["data"] = psModulePath };
        }

        return new JObject { ["registry"] = new JObject { [Environment] = values } };
    }

    private static JArray Resources(params string[] entries) => new(new JObject
    {
        ["id"] = "psmodulepath",
        ["type"] = "pathList",
        ["properties"] = new JObject { ["variable"] = "PSModulePath", ["contains"] = new JArray(entries.Cast<object>().ToArray()) },
    });

    private const string Mars = @"${ProgramFiles}\Microsoft Azure Recovery Services Agent\bin\Modules\MSOnlineBackup";

    [Fact]
    public void AMissingEntryIsAppendedKeepingEverythingElseAndTheSecondApplyIsQuiet()
    {
        using var scenario = new Scenario(Resources(Mars), Host(@"%ProgramFiles%\WindowsPowerShell\Modules;%SystemRoot%\system32\WindowsPowerShell\v1.0\Modules"));
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
        var apply = scenario.Apply();
        var again = scenario.Apply();

        Assert.Equal(
            [@"PSModulePath: %ProgramFiles%\WindowsPowerShell\Modules;%SystemRoot%\system32\WindowsPowerShell\v1.0\Modules → %ProgramFiles%\WindowsPowerShell\Modules;%SystemRoot%\system32\WindowsPowerShell\v1.0\Modules;C:\Program Files\Microsoft Azure Recovery Services Agent\bin\Modules\MSOnlineBackup"],
            plan.DifferencesOf("psmodulepath"));
        Assert.Equal(plan.DifferencesOf("psmodulepath"), apply.DifferencesOf("psmodulepath"));
        Assert.Equal(ResourceStatus.Compliant, again.StatusOf("psmodulepath"));
        var value = scenario.SnapshotJson["registry"]![Environment]!;
        Assert.Equal("expandString", (string)value["PSModulePath"]!["kind"]!);
        Assert.Equal(@"%SystemRoot%\system32;%SystemRoot%", (string)value["Path"]!["data"]!);
    }

    [Theory]
    [InlineData(@"c:\program files\microsoft azure recovery services agent\BIN\modules\msonlinebackup\")]
    [InlineData(@"%ProgramFiles%\Microsoft Azure Recovery Services Agent\bin\Modules\MSOnlineBackup")]
    public void AnEntryThatDiffersOnlyInCaseTrailingBackslashOrVariableIsAlreadyThere(string existing)
    {
        using var scenario = new Scenario(Resources(Mars), Host(@"C:\Other;" + existing));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("psmodulepath"));
    }

    [Fact]
    public void AMissingVariableIsCreatedAsExpandString()
    {
        using var scenario = new Scenario(Resources(@"C:\Modules"), Host(null));

        scenario.Apply();

        var value = scenario.SnapshotJson["registry"]![Environment]!["PSModulePath"]!;
        Assert.Equal("expandString", (string)value["kind"]!);
        Assert.Equal(@"C:\Modules", (string)value["data"]!);
    }

    [Fact]
    public void AStringValueStaysAString()
    {
        using var scenario = new Scenario(Resources(@"C:\B"), Host(@"C:\A;", "string"));

        scenario.Apply();

        var value = scenario.SnapshotJson["registry"]![Environment]!["PSModulePath"]!;
        Assert.Equal("string", (string)value["kind"]!);
        Assert.Equal(@"C:\A;C:\B", (string)value["data"]!);
    }

    [Fact]
    public void AFaultOnTheEnvironmentKeyFailsTheResource()
    {
        var host = Host("x");
        host["faults"] = JArray.Parse($$"""[ { "operation": "set", "target": "registry:{{Environment.Replace(@"\", @"\\", StringComparison.Ordinal)}}" } ]""");
        using var scenario = new Scenario(Resources(@"C:\B"), host);

        var run = scenario.Apply();

        Assert.Equal("could not apply: Access is denied.", run.Resource("psmodulepath").Error);
    }

    [Theory]
    [InlineData("""{ "variable": "PSModulePath", "contains": [] }""", "b.json(1,120): \"contains\" of resource \"p\" (pathList) is empty; list at least one entry.")]
    [InlineData("""{ "variable": "PSModulePath", "contains": ["a;b"] }""", "b.json(1,120): the entry \"a;b\" of resource \"p\" (pathList) contains ';', the list separator; give each entry on its own.")]
    [InlineData("""{ "variable": "%Path%", "contains": ["a"] }""", "b.json(1,99): \"variable\" of resource \"p\" (pathList) is \"%Path%\"; give the variable's bare name, such as \"PSModulePath\".")]
    public void BadInputIsLocated(string properties, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "p", "type": "pathList", "properties": {{properties}} } ] }""");

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(message, e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }
}
