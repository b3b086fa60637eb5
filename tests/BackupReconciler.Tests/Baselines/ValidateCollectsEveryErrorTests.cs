using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Baselines;

/// <summary>
/// validate names every error of every file given, each once, located, in file order, without follow-on
/// errors; the other verbs still refuse a baseline with any error, with its first one.
/// </summary>
public sealed class ValidateCollectsEveryErrorTests : IDisposable
{
    private const string Registry = """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } } }""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (int Exit, string[] Out, string[] Err) Validate(params string[] files)
    {
        var (exit, output, error) = CliRun.Run(_folder.Combine("state"), ["validate", .. files.Select(_folder.Combine)]);
        return (exit, Lines(output), Lines(error));
    }

    private string[] Lines(string text) =>
        text.Replace(_folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string S(string file) => file.Replace('/', Path.DirectorySeparatorChar);

    [Fact]
    public void ValidateListsEveryErrorOfSeveralFilesAndTheirIncludesInFileOrderAndExitsOne()
    {
        _folder.Write("common/shared.json", """
            {
              "parameters": { "Port": { "type": "integer", "default": "x" } },
              "resources": [
                { "id": "s1", "type": "service", "properties": { "name": "VSS", "startType": "auto" } }
              ]
            }
            """);
        _folder.Write("b.json", $$"""
            {
              "name": "b",
              "include": ["common/shared.json"],
              "resources": [
                { "id": "a", "type": "registry", "mode": "report", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } }, "vaules": {}, "other": 1 } },
                { "id": "b", "type": "service", "dependsOn": ["zz"], "properties": { "name": "${Mising}", "startType": "manual" } },
                { "id": "c", "type": "service", "dependsOn": ["d"], "properties": { "name": "S1", "state": "running" } },
                { "id": "d", "type": "service", "dependsOn": ["c"], "properties": { "name": "S2", "state": "running" } }
              ]
            }
            """);
        _folder.Write("c.json", """{ "name": "c", "resources": [ { "id": "x", "type": "regsitry", "properties": { "nonsense": 1 } } ] }""");

        var (exit, output, error) = Validate("b.json", "c.json");

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                "error: b.json(5,53): \"mode\" of resource \"a\" is the string \"report\"; use one of: enforce, audit.",
                "error: b.json(5,159): resource \"a\" (registry) has an unknown member \"vaules\" (did you mean \"values\"?); the members it understands are: key, values, view.",
                "error: b.json(5,172): resource \"a\" (registry) has an unknown member \"other\"; the members it understands are: key, values, view.",
                "error: b.json(6,5): resource \"b\" depends on \"zz\", which no resource has as id; correct the id or remove it from dependsOn.",
                "error: b.json(6,92): the variable ${Mising} is not defined; pass --var Mising=..., put it in a --vars file, or declare it as a parameter with a default.",
                "error: b.json(7,5): the dependsOn of these resources form a cycle: c → d → c; remove one of these dependencies.",
                $"error: {S("common/shared.json")}(2,61): the default of parameter \"Port\" is the string \"x\", which is not of its type integer; change the default or the type.",
                $"error: {S("common/shared.json")}(4,87): \"startType\" of resource \"s1\" (service) is the string \"auto\"; use one of: automatic, automaticDelayed, manual, disabled.",
                "error: c.json(1,61): resource \"x\" has the unknown type \"regsitry\" (did you mean \"registry\"?); the types are: antivirusExclusion, eventLogQuiet, file, fileAccess, firewallRule, freeSpace, hostsEntry, jsonFile, pathList, registry, scheduledTask, service, shadowStorage, sqlAgentAccount, sqlAgentJobs, sqlLogin, tempFiles, userRight, windowsFeature.",
            ],
            error);
        Assert.Equal(["✗ b.json: 8 errors", "✗ c.json: 1 error"], output);
    }

    [Fact]
    public void EveryUnknownMemberOfOneObjectIsNamedButTheMembersOfAnUnknownTypeAreNot()
    {
        var problems = Check($$"""
            { "name": "t", "resources": [
              { "id": "a", "type": "registry", "wyh": "x", "modee": "audit", "properties": {{Registry}} },
              { "id": "b", "type": "nosuchtype", "properties": { "anything": 1, "at": "all" } } ] }
            """);

        Assert.Equal(
            [
                "b.json(2,41): resource \"a\" has an unknown member \"wyh\" (did you mean \"why\"?); the members it understands are: dependsOn, id, mode, properties, reference, restartServices, type, why.",
                "b.json(2,55): resource \"a\" has an unknown member \"modee\" (did you mean \"mode\"?); the members it understands are: dependsOn, id, mode, properties, reference, restartServices, type, why.",
                "b.json(3,35): resource \"b\" has the unknown type \"nosuchtype\"; the types are: antivirusExclusion, eventLogQuiet, file, fileAccess, firewallRule, freeSpace, hostsEntry, jsonFile, pathList, registry, scheduledTask, service, shadowStorage, sqlAgentAccount, sqlAgentJobs, sqlLogin, tempFiles, userRight, windowsFeature.",
            ],
            problems);
    }

    [Fact]
    public void ADependencyOnAResourceThatFailedToParseIsNotUnknown()
    {
        var problems = Check($$"""
            { "name": "t", "resources": [
              { "id": "a", "type": "service", "properties": { "name": "VSS", "startType": "auto" } },
              { "id": "b", "type": "regsitry", "properties": {} },
              { "id": "c d", "type": "registry", "properties": {{Registry}} },
              { "id": "e", "type": "registry", "dependsOn": ["a", "b", "c d"], "properties": {{Registry}} } ] }
            """);

        Assert.Equal(3, problems.Count);
        Assert.DoesNotContain(problems, p => p.Contains("depends on", StringComparison.Ordinal));
    }

    [Fact]
    public void AResourceWithoutAReadableIdKeepsUnknownDependenciesUnjudgedRatherThanGuessing()
    {
        var problems = Check($$"""
            { "name": "t", "resources": [
              { "type": "registry", "properties": {{Registry}} },
              { "id": "e", "type": "registry", "dependsOn": ["maybe-the-one-above"], "properties": {{Registry}} } ] }
            """);

        Assert.Equal(["b.json(2,3): resource #1 has no \"id\"; add \"id\": \"...\"."], problems);
    }

    [Fact]
    public void AnIncludeThatCannotBeReadLeavesUndefinedVariablesAndDependenciesUnjudged()
    {
        var problems = Check("""
            { "name": "t", "include": ["gone.json"], "resources": [
              { "id": "a", "type": "service", "dependsOn": ["from-gone"], "properties": { "name": "${FromGone}", "startType": "manual" } } ] }
            """);

        Assert.Equal(["b.json(1,38): the include \"gone.json\" does not exist (looked for gone.json); correct the path, relative to this file."], problems);
    }

    [Fact]
    public void AParameterDeclaredWithAnErrorIsOneErrorNotAlsoAMissingValueNorABadUse()
    {
        var problems = Check("""
            { "name": "t", "parameters": { "Port": { "type": "integer", "defualt": 5 } }, "resources": [
              { "id": "a", "type": "firewallRule", "properties": { "name": "R", "protocol": "tcp", "localPorts": ["${Port}"] } } ] }
            """);

        Assert.Equal(["b.json(1,70): parameter \"Port\" has an unknown member \"defualt\" (did you mean \"default\"?); the members it understands are: default, description, secret, type."], problems);
    }

    [Fact]
    public void EveryDependencyCycleAndEveryDuplicateIdAndEveryConflictIsNamed()
    {
        var problems = Check($$"""
            { "name": "t", "resources": [
              { "id": "a", "type": "registry", "dependsOn": ["b"], "properties": {{Registry}} },
              { "id": "b", "type": "registry", "dependsOn": ["a"], "properties": {{Registry}} },
              { "id": "c", "type": "registry", "dependsOn": ["d"], "properties": { "key": "HKLM\\SOFTWARE\\Y", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "d", "type": "registry", "dependsOn": ["c"], "properties": { "key": "HKLM\\SOFTWARE\\Y", "values": { "V": { "kind": "dword", "data": 2 } } } },
              { "id": "A", "type": "service", "properties": { "name": "VSS", "startType": "manual" } } ] }
            """);

        Assert.Equal(
            [
                "b.json(2,3): the dependsOn of these resources form a cycle: a → b → a; remove one of these dependencies.",
                "b.json(4,3): the dependsOn of these resources form a cycle: c → d → c; remove one of these dependencies.",
                "b.json(5,3): resources \"c\" (at b.json(4,3)) and \"d\" both set the registry value HKLM\\SOFTWARE\\Y\\V (Registry64 view), to {\"kind\":\"dword\",\"data\":1} and {\"kind\":\"dword\",\"data\":2}; each apply would change it back, so keep one of them or make them agree.",
                "b.json(6,3): the id \"A\" is used twice (ids ignore case); give each resource its own id.",
            ],
            problems);
    }

    [Fact]
    public void AMissingRequiredMemberNamesTheMisspellingThatStandsForIt()
    {
        Assert.Equal(
            ["b.json(1,77): resource \"x\" (service) has no \"name\"; add \"name\": \"...\" (is \"nmae\" a misspelling of it?)."],
            Check("""{ "name": "t", "resources": [ { "id": "x", "type": "service", "properties": { "nmae": "VSS", "startType": "manual" } } ] }"""));
    }

    [Fact]
    public void AMisspeltRequiredMemberOfAResourceIsOneErrorNotAlsoAnUnknownMember()
    {
        Assert.Equal(
            ["b.json(1,31): resource \"x\" has no \"properties\"; add \"properties\": { ... } (is \"propertise\" a misspelling of it?)."],
            Check("""{ "name": "t", "resources": [ { "id": "x", "type": "service", "propertise": { "name": "VSS", "startType": "manual" } } ] }"""));
    }

    [Fact]
    public void AValueWithALineBreakCannotForgeASecondErrorLine()
    {
        _folder.Write("b.json", """{ "name": "t", "resources": [ { "id": "a\nerror: forged", "type": "service", "properties": { "name": "VSS", "startType": "auto\r\nerror: forged" } } ] }""");

        var (exit, _, error) = Validate("b.json");

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                "error: b.json(1,56): the id \"a\\nerror: forged\" has characters ids may not use; use letters, digits, '.', '-' and '_'.",
                "error: b.json(1,144): \"startType\" of resource \"a\\nerror: forged\" (service) is the string \"auto\\r\\nerror: forged\"; use one of: automatic, automaticDelayed, manual, disabled.",
            ],
            error);
    }

    [Fact]
    public void RequiredParametersWithoutValuesAreWarningsInValidateAndTheirUsesAreNotErrors()
    {
        _folder.Write("b.json", """
            { "name": "t", "parameters": { "Key": { "type": "string" }, "Addresses": { "type": "array" }, "Port": { "type": "integer" } },
              "resources": [
                { "id": "k", "type": "registry", "properties": { "key": "${Key}", "values": { "V": { "kind": "dword", "data": 1 } } } },
                { "id": "f", "type": "firewallRule", "properties": { "name": "R", "protocol": "tcp", "localPorts": ["${Port}"], "remoteAddresses": ["${Addresses}"] } } ] }
            """);

        var (exit, output, error) = Validate("b.json");

        Assert.Equal(0, exit);
        Assert.Equal(["✓ b.json: baseline \"t\", 2 resources, valid (3 warnings)"], output);
        Assert.Equal(
            [
                "warning: b.json(1,37): parameter \"Key\" is required and has no value; its uses were checked without one, and plan, test and apply will need --var Key=... or a --vars file.",
                "warning: b.json(1,72): parameter \"Addresses\" is required and has no value; its uses were checked without one, and plan, test and apply will need --var Addresses=... or a --vars file.",
                "warning: b.json(1,101): parameter \"Port\" is required and has no value; its uses were checked without one, and plan, test and apply will need --var Port=... or a --vars file.",
            ],
            error);
    }

    [Fact]
    public void AnIncludeFileIsValidatedOnItsOwnAsAFragment()
    {
        _folder.Write("common/fragment.json", """
            { "resources": [
              { "id": "f", "type": "service", "dependsOn": ["in-the-including-baseline"], "properties": { "name": "${DeclaredByTheIncluder}", "startType": "manual" } },
              { "id": "g", "type": "service", "properties": { "name": "SQLAgent$${ComputerName}", "startType": "manual" } } ] }
            """);

        var (exit, output, error) = Validate("common/fragment.json");

        Assert.Equal(0, exit);
        Assert.Equal([$"✓ {S("common/fragment.json")}: fragment (an include file, checked on its own), 2 resources, valid (2 warnings)"], output);
        Assert.Equal(
            [
                $"warning: {S("common/fragment.json")}(2,3): resource \"f\" depends on \"in-the-including-baseline\", which no resource in this file has as id; the baseline that includes it must declare it.",
                $"warning: {S("common/fragment.json")}(2,128): the variable ${{DeclaredByTheIncluder}} is not defined in this file; the baseline that includes it must declare it (a fact such as ComputerName needs nothing).",
            ],
            error);
    }

    [Fact]
    public void AFragmentWithARealErrorFailsValidation()
    {
        _folder.Write("common/fragment.json", """{ "resources": [ { "id": "f", "type": "service", "properties": { "name": "VSS", "startType": "auto" } } ] }""");

        var (exit, output, error) = Validate("common/fragment.json");

        Assert.Equal(1, exit);
        Assert.Equal([$"✗ {S("common/fragment.json")}: 1 error"], output);
        Assert.Single(error);
    }

    [Fact]
    public void EveryShippedBaselineAndIncludeValidatesWithExitZero()
    {
        var folder = Path.Combine(Repository.Root, "baselines");
        var files = Directory.GetFiles(folder, "*.json").Concat(Directory.GetFiles(Path.Combine(folder, "common"), "*.json")).ToArray();

        var (exit, output, error) = CliRun.Run(_folder.Combine("state"), ["validate", .. files]);

        Assert.True(exit == 0, error);
        Assert.Equal(files.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith('✓')));
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherVerbsRefuseABaselineWithSeveralErrorsWithItsFirstAndChangeNothing()
    {
        var baseline = _folder.Write("b.json", """
            { "name": "t", "resources": [
              { "id": "a", "type": "service", "properties": { "name": "VSS", "startType": "auto" } },
              { "id": "b", "type": "service", "properties": { "name": "VSS2", "state": "runing" } } ] }
            """);
        var snapshot = Path.Combine(Repository.Root, "samples", "dpm-protected-server.drifted.json");
        var copy = _folder.Combine("snapshot.json");
        File.Copy(snapshot, copy);
        var before = File.ReadAllBytes(copy);

        var (exit, output, error) = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", copy);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(["error: b.json(2,84): \"startType\" of resource \"a\" (service) is the string \"auto\"; use one of: automatic, automaticDelayed, manual, disabled."], Lines(error));
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.False(Directory.Exists(_folder.Combine("state/runs")));
    }

    [Fact]
    public void AFileWithThousandsOfMistakesListsAThousandAndCountsTheRest()
    {
        var resources = string.Join(",\n", Enumerable.Range(0, 3000).Select(i => $$"""{ "id": "r{{i}}", "type": "service", "dependsOn": ["r{{i ^ 1}}"], "properties": { "name": "S{{i}}", "startType": "auto" } }"""));
        _folder.Write("b.json", $$"""{ "name": "t", "resources": [ {{resources}} ] }""");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exit, output, error) = Validate("b.json");

        Assert.Equal(1, exit);
        Assert.Equal(1001, error.Length);
        // 3000 bad start types (the 1500 cycles are not searched for once a thousand problems are listed).
        Assert.Equal("error: b.json: at least 2000 more problems not listed (the search stops at that point); fix these first.", error[^1]);
        Assert.Equal(["✗ b.json: 1000 errors"], output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void LoadThrowsTheFirstErrorThatCheckFinds()
    {
        var path = _folder.Write("b.json", """{ "name": "t", "resources": [ { "id": "a", "type": "x", "properties": {} }, { "id": "b", "type": "y", "properties": {} } ] }""");
        var loader = new BaselineLoader(ResourceCatalog.Default);

        var check = loader.Check(path, VariableInputs.None, Facts, forValidate: false);
        var thrown = Assert.Throws<InputException>(() => loader.Load(path, VariableInputs.None, Facts));

        Assert.Equal(2, check.Errors.Count());
        Assert.Null(check.Baseline);
        Assert.Equal(check.Errors.First().ToString(), thrown.Message);
    }

    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase) { ["ComputerName"] = "HOST01" };

    /// <summary>The problems validate finds in b.json, in file order, without the folder.</summary>
    private List<string> Check(string baseline)
    {
        var path = _folder.Write("b.json", baseline);
        var check = new BaselineLoader(ResourceCatalog.Default).Check(path, VariableInputs.None, Facts);
        return check.InFileOrder().Select(p => p.ToString().Replace(_folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)).ToList();
    }
}
