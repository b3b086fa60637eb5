using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Baselines;

/// <summary>Every validation error: the exact sentence and where it points.</summary>
public sealed class BaselineValidationTests : IDisposable
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase) { ["SystemRoot"] = @"C:\Windows", ["ComputerName"] = "HOST01" };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Error(string baseline, VariableInputs? variables = null)
    {
        var path = _folder.Write("b.json", baseline);
        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, variables ?? VariableInputs.None, Facts));
        return e.Message.Replace(_folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    private const string Registry = """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } } }""";

    [Fact]
    public void AnUnknownMemberIsNamedWithASuggestionAndItsPosition()
    {
        Assert.Equal(
            "b.json(3,11): resource \"a\" (registry) has an unknown member \"vaules\" (did you mean \"values\"?); the members it understands are: key, values, view.",
            Error("""
                { "name": "t", "resources": [ { "id": "a", "type": "registry", "properties": {
                  "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } },
                  "vaules": {} } } ] }
                """));
    }

    [Fact]
    public void AnUnknownTypeIsNamedWithTheTypesThereAre()
    {
        Assert.Equal(
            "b.json(1,61): resource \"a\" has the unknown type \"regsitry\" (did you mean \"registry\"?); the types are: antivirusExclusion, eventLogQuiet, file, fileAccess, firewallRule, freeSpace, hostsEntry, jsonFile, pathList, registry, scheduledTask, service, shadowStorage, sqlAgentAccount, sqlAgentJobs, sqlLogin, tempFiles, userRight, windowsFeature.",
            Error("""{ "name": "t", "resources": [ { "id": "a", "type": "regsitry", "properties": {} } ] }"""));
    }

    [Fact]
    public void ADuplicateIdIsAnErrorEvenInAnotherCase()
    {
        Assert.Equal(
            "b.json(3,3): the id \"A\" is used twice (ids ignore case); give each resource its own id.",
            Error($$"""
                { "name": "t", "resources": [
                  { "id": "a", "type": "registry", "properties": {{Registry}} },
                  { "id": "A", "type": "registry", "properties": {{Registry}} } ] }
                """));
    }

    [Fact]
    public void AnIdClashWithAnIncludedFileNamesBothFiles()
    {
        _folder.Write("common/shared.json", $$"""{ "resources": [ { "id": "a", "type": "registry", "properties": {{Registry}} } ] }""");
        Assert.Equal(
            $"common{Path.DirectorySeparatorChar}shared.json(1,18): the id \"a\" is already used in b.json; ids must be unique across a baseline and its includes, rename one.",
            Error($$"""{ "name": "t", "include": ["common/shared.json"], "resources": [ { "id": "a", "type": "registry", "properties": {{Registry}} } ] }"""));
    }

    [Fact]
    public void ADependencyOnAnUnknownIdIsAnError()
    {
        Assert.Equal(
            "b.json(2,3): resource \"a\" depends on \"bb\", which no resource has as id (did you mean \"b\"?); correct the id or remove it from dependsOn.",
            Error($$"""
                { "name": "t", "resources": [
                  { "id": "a", "type": "registry", "dependsOn": ["bb"], "properties": {{Registry}} },
                  { "id": "b", "type": "registry", "properties": {{Registry}} } ] }
                """));
    }

    [Fact]
    public void ADependencyCycleIsNamedInOrder()
    {
        Assert.Equal(
            "b.json(2,3): the dependsOn of these resources form a cycle: a → b → c → a; remove one of these dependencies.",
            Error($$"""
                { "name": "t", "resources": [
                  { "id": "a", "type": "registry", "dependsOn": ["b"], "properties": {{Registry}} },
                  { "id": "b", "type": "registry", "dependsOn": ["c"], "properties": {{Registry}} },
                  { "id": "c", "type": "registry", "dependsOn": ["a"], "properties": {{Registry}} } ] }
                """));
    }

    [Fact]
    public void AnUndefinedVariableIsNamedWhereItIsUsed()
    {
        Assert.Equal(
            "b.json(2,50): the variable ${SqlInstanc} is not defined (did you mean \"SqlInstance\"?); pass --var SqlInstanc=..., put it in a --vars file, or declare it as a parameter with a default.",
            Error("""
                { "name": "t", "parameters": { "SqlInstance": { "default": "MSDPM2012" } }, "resources": [ { "id": "a", "type": "service",
                  "properties": { "name": "SQLAgent$${SqlInstanc}", "startType": "automatic" } } ] }
                """));
    }

    [Fact]
    public void ARequiredParameterWithoutAValueIsAnErrorAtItsDeclaration()
    {
        Assert.Equal(
            "b.json(1,50): parameter \"AgentIPAddresses\" is required and has no value; pass --var AgentIPAddresses=... or put it in a --vars file.",
            Error("""{ "name": "t", "parameters": { "AgentIPAddresses": { "type": "array" } }, "resources": [] }"""));
    }

    [Fact]
    public void AValueOutOfRangeForADwordIsAnError()
    {
        Assert.Equal(
            "b.json(1,161): \"data\" of value \"V\" of resource \"a\" (registry) must be a number from 0 to 4294967295 (or \"0x1b7740\") for kind \"dword\"; found the number 4294967296.",
            Error("""{ "name": "t", "resources": [ { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 4294967296 } } } } ] }"""));
    }

    [Fact]
    public void ABadEnumValueListsTheAllowedOnes()
    {
        Assert.Equal(
            "b.json(1,112): \"startType\" of resource \"a\" (service) is the string \"auto\"; use one of: automatic, automaticDelayed, manual, disabled.",
            Error("""{ "name": "t", "resources": [ { "id": "a", "type": "service", "properties": { "name": "VSS", "startType": "auto" } } ] }"""));
    }

    [Fact]
    public void ABadModeListsTheAllowedOnes()
    {
        Assert.Equal(
            "b.json(1,79): \"mode\" of resource \"a\" is the string \"report\"; use one of: enforce, audit.",
            Error($$"""{ "name": "t", "resources": [ { "id": "a", "type": "registry", "mode": "report", "properties": {{Registry}} } ] }"""));
    }

    [Fact]
    public void AKeyOutsideHklmIsRejected()
    {
        Assert.Equal(
            "b.json(1,105): \"key\" of resource \"a\" (registry) is \"HKCU\\Software\\X\"; give a key under HKLM, such as \"HKLM\\\\SOFTWARE\\\\Vendor\\\\Product\" (HKEY_LOCAL_MACHINE\\\\... also works).",
            Error("""{ "name": "t", "resources": [ { "id": "a", "type": "registry", "properties": { "key": "HKCU\\Software\\X", "values": { "V": { "kind": "dword", "data": 1 } } } } ] }"""));
    }

    [Fact]
    public void ATypeInstructionMemberIsJustAnUnknownMemberAndNothingIsInstantiated()
    {
        Assert.Equal(
            "b.json(1,71): the member \"$type\" is serializer metadata that this tool never reads or acts on, at any depth; remove it.",
            Error($$"""{ "name": "t", "resources": [ { "id": "a", "type": "registry", "$type": "System.IO.FileInfo, System.IO", "properties": {{Registry}} } ] }"""));
    }

    [Fact]
    public void ABaselineWithoutANameSaysToAddOne()
    {
        Assert.Equal("b.json(1,1): the baseline has no \"name\"; add \"name\": \"...\" (it appears in every report).", Error("""{ "resources": [] }"""));
    }

    [Fact]
    public void AServiceResourceThatManagesNothingIsAnError()
    {
        Assert.Equal(
            "b.json(1,77): resource \"a\" (service) declares nothing to manage; add \"startType\", \"state\" or \"account\".",
            Error("""{ "name": "t", "resources": [ { "id": "a", "type": "service", "properties": { "name": "VSS" } } ] }"""));
    }

    [Fact]
    public void AnIncludeThatLeavesTheBaselineFolderIsRefused()
    {
        Assert.Equal(
            $"b.json(1,45): the include \"../../etc/passwd\" leaves the baseline's folder ({_folder.Path}); include files from that folder or below, by relative path.",
            Error("""{ "name": "t", "include": ["../../etc/passwd"], "resources": [] }"""));
    }

    [Fact]
    public void AnIncludeCycleIsRefused()
    {
        _folder.Write("c.json", """{ "include": ["b.json"] }""");
        Assert.Equal(
            $"c.json(1,22): the include \"b.json\" includes a file that is already including it (a cycle); remove one of the includes.",
            Error("""{ "name": "t", "include": ["c.json"], "resources": [] }"""));
    }

    [Fact]
    public void AMissingIncludeNamesThePathItLookedFor()
    {
        Assert.Equal(
            "b.json(1,38): the include \"nope.json\" does not exist (looked for nope.json); correct the path, relative to this file.",
            Error("""{ "name": "t", "include": ["nope.json"], "resources": [] }"""));
    }

    [Fact]
    public void AnArrayVariableInsideALongerStringIsAnError()
    {
        Assert.Equal(
            "b.json(1,163): ${Names} is an array and cannot stand inside a longer string; use \"${Names}\" alone as an array element.",
            Error("""{ "name": "t", "parameters": { "Names": { "type": "array", "default": ["a"] } }, "resources": [ { "id": "a", "type": "service", "properties": { "name": "x${Names}", "startType": "manual" } } ] }"""));
    }

    [Fact]
    public void ADefaultOfTheWrongTypeIsAnError()
    {
        Assert.Equal(
            "b.json(1,74): the default of parameter \"Port\" is the string \"x\", which is not of its type integer; change the default or the type.",
            Error("""{ "name": "t", "parameters": { "Port": { "type": "integer", "default": "x" } }, "resources": [] }"""));
    }

    [Fact]
    public void AVarOfTheWrongTypeForItsParameterIsAnError()
    {
        Assert.Equal(
            "--var Port=abc: parameter \"Port\" is of type integer; give a value of that type.",
            Error("""{ "name": "t", "parameters": { "Port": { "type": "integer", "default": 1 } }, "resources": [] }""", new VariableInputs([new("Port", "abc")], null)));
    }

    [Fact]
    public void InvalidJsonSaysWhereTheSyntaxBreaks()
    {
        Assert.StartsWith("b.json(2,1): the file is not valid JSON: ", Error("{ \"name\": \"t\",\n"));
    }

    [Fact]
    public void TwentyThousandLevelsOfNestingGetACleanError()
    {
        Assert.Equal(
            "b.json(1,65): the JSON is nested more than 64 levels deep; no valid file is, so this one is damaged or hostile.",
            Error(new string('[', 20_000) + new string(']', 20_000)));
    }

    [Fact]
    public void ADuplicateMemberIsAnError()
    {
        Assert.StartsWith("b.json(1,", Error("""{ "name": "t", "name": "u", "resources": [] }"""));
        Assert.Contains("a member appears twice in the same object (name); keep one.", Error("""{ "name": "t", "name": "u", "resources": [] }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeFileIsRefusedBeforeItIsParsed()
    {
        var path = _folder.Combine("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(BaselineLoader.MaxFileBytes + 1);
        }

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, Facts));
        Assert.EndsWith("the file is 4,194,305 bytes, more than the 4,194,304 allowed; this is not a file this tool writes or expects.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsRefusedWithTheFix()
    {
        var path = _folder.Combine("latin1.json");
        File.WriteAllBytes(path, [(byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, Facts));
        Assert.EndsWith("latin1.json(1,3): the file is neither UTF-8 nor UTF-16 with a byte order mark (byte 0xE9 here is not UTF-8; Windows-1252 or Latin-1 text looks like this); save it as UTF-8.", e.Message, StringComparison.Ordinal);
    }
}
