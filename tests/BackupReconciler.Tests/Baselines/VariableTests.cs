using BackupReconciler.Baselines;
using BackupReconciler.Resources;
using BackupReconciler.Resources.Registry;
using BackupReconciler.Resources.Service;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Baselines;

public sealed class VariableTests : IDisposable
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase) { ["SystemRoot"] = @"C:\Windows", ["ComputerName"] = "HOST01" };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string ServiceBaseline = """
        { "name": "t",
          "parameters": { "SqlInstance": { "type": "string", "default": "MSDPM2012", "description": "instance" } },
          "resources": [ { "id": "agent", "type": "service", "properties": { "name": "SQLAgent$${SqlInstance}", "startType": "automatic" } } ] }
        """;

    private Baseline Load(string text, VariableInputs? inputs = null) =>
        new BaselineLoader(ResourceCatalog.Default).Load(_folder.Write("b.json", text), inputs ?? VariableInputs.None, Facts);

    private static string ServiceName(Baseline baseline) => ((ServiceResource)baseline.Resources[0].Resource).Name;

    [Fact]
    public void TheParameterDefaultIsUsedWhenNothingElseIsGiven()
    {
        Assert.Equal("SQLAgent$MSDPM2012", ServiceName(Load(ServiceBaseline)));
    }

    [Fact]
    public void TheVarsFileWinsOverTheDefaultAndTheCommandLineWinsOverBoth()
    {
        var vars = _folder.Write("vars.json", """{ "sqlinstance": "FROMFILE" }""");

        Assert.Equal("SQLAgent$FROMFILE", ServiceName(Load(ServiceBaseline, new VariableInputs([], vars))));
        Assert.Equal("SQLAgent$CLI", ServiceName(Load(ServiceBaseline, new VariableInputs([new("SqlInstance", "CLI")], vars))));
    }

    [Fact]
    public void HostFactsAreVariablesToo()
    {
        var baseline = Load("""{ "name": "t", "resources": [ { "id": "a", "type": "service", "properties": { "name": "svc-${ComputerName}", "startType": "manual" } } ] }""");

        Assert.Equal("svc-HOST01", ServiceName(baseline));
    }

    [Fact]
    public void AnArrayVariableSplicesIntoAnArrayAndAnIntegerKeepsItsType()
    {
        var baseline = Load("""
            { "name": "t",
              "parameters": { "Extra": { "type": "array", "default": ["B", "C"] }, "Timeout": { "type": "integer", "default": 7200 } },
              "resources": [
                { "id": "a", "type": "registry", "restartServices": ["A", "${Extra}", "D"],
                  "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": "${Timeout}" } } } } ] }
            """);

        Assert.Equal(["A", "B", "C", "D"], baseline.Resources[0].RestartServices);
        Assert.Equal(7200UL, ((RegistryResource)baseline.Resources[0].Resource).Values[0].Desired!.Number);
    }

    [Fact]
    public void AnArrayGivenOnTheCommandLineIsCommaSeparated()
    {
        var baseline = Load(
            """{ "name": "t", "parameters": { "Services": { "type": "array" } }, "resources": [ { "id": "a", "type": "registry", "restartServices": ["${Services}"], "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } } } } ] }""",
            new VariableInputs([new("Services", "DPMRA, MSDPM")], null));

        Assert.Equal(["DPMRA", "MSDPM"], baseline.Resources[0].RestartServices);
    }

    [Fact]
    public void IncludedResourcesMergeAndTheirParametersResolve()
    {
        _folder.Write("common/a.json", """
            { "parameters": { "Name": { "default": "FromInclude" } },
              "resources": [ { "id": "inc", "type": "service", "properties": { "name": "${Name}", "startType": "manual" } } ] }
            """);
        var baseline = Load("""{ "name": "t", "include": ["common/a.json"], "parameters": { "Name": { "default": "FromRoot" } }, "resources": [] }""");

        Assert.Equal("FromRoot", ServiceName(baseline));
    }

    [Fact]
    public void ADefaultMayReferToFactsAndOtherParameters()
    {
        var baseline = Load("""
            { "name": "t",
              "parameters": { "Root": { "default": "${SystemRoot}\\Agent" }, "Bin": { "default": "${Root}\\bin" } },
              "resources": [ { "id": "a", "type": "service", "properties": { "name": "${Bin}", "startType": "manual" } } ] }
            """);

        Assert.Equal(@"C:\Windows\Agent\bin", ServiceName(baseline));
    }

    [Fact]
    public void VariablesThatReferToEachOtherAreAnError()
    {
        var e = Assert.Throws<BackupReconciler.Input.InputException>(() => Load("""
            { "name": "t", "parameters": { "A": { "default": "${B}" }, "B": { "default": "x${A}" } }, "resources": [] }
            """));

        Assert.Matches(@"b\.json\(1,\d+\): the variables A → B → A refer to each other in a circle; give one of them a plain value\.$", e.Message);
    }

    [Fact]
    public void TwoParametersWhoseNamesDifferOnlyInCaseAreRefusedRatherThanOneDefaultDropped()
    {
        var e = Assert.Throws<BackupReconciler.Input.InputException>(() => Load("""
            { "name": "t", "parameters": { "Port": { "type": "integer", "default": 1 }, "port": { "type": "integer", "default": 2 } }, "resources": [] }
            """));

        Assert.Equal("b.json(1,83): parameter \"port\" is declared twice in this file (names ignore case, as references do); keep one.",
            e.Message.Replace(_folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    [Fact]
    public void AVarGivenTwiceIsRefusedRatherThanTheFirstSilentlyWinning()
    {
        var e = Assert.Throws<BackupReconciler.Input.InputException>(() => Load(ServiceBaseline, new VariableInputs([new("SqlInstance", "ONE"), new("sqlinstance", "TWO")], null)));

        Assert.Equal("--var sqlinstance is given twice (names ignore case); give each variable once.", e.Message);
    }

    [Fact]
    public void AVarsEntryOneTypoFromAParameterThatTookItsDefaultIsRefusedRatherThanSilentlyUnused()
    {
        var vars = _folder.Write("vars.json", """{ "SqlInstanse": "PROD" }""");

        var e = Assert.Throws<BackupReconciler.Input.InputException>(() => Load(ServiceBaseline, new VariableInputs([], vars)));

        Assert.Equal(
            "vars.json(1,23): variable \"SqlInstanse\" is declared by no parameter and used nowhere, and parameter \"SqlInstance\" took its default: is \"SqlInstanse\" a misspelling of \"SqlInstance\"? correct the name.",
            e.Message.Replace(_folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        var cli = Assert.Throws<BackupReconciler.Input.InputException>(() => Load(ServiceBaseline, new VariableInputs([new("SqlInstanse", "PROD")], null)));
        Assert.StartsWith("--var SqlInstanse is declared by no parameter and used nowhere", cli.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVarsEntryNearAParameterThatWasGivenItsOwnValueIsTakenAsMeantForAnotherBaseline()
    {
        var vars = _folder.Write("vars.json", """{ "SqlInstance": "PROD", "SqlInstance2": "OTHER", "Unrelated": "x" }""");

        Assert.Equal("SQLAgent$PROD", ServiceName(Load(ServiceBaseline, new VariableInputs([], vars))));
    }

    [Fact]
    public void AValueGivenFromOutsideIsTakenAsWrittenEvenWhenItHoldsAReference()
    {
        var vars = _folder.Write("vars.json", """{ "SqlInstance": "P${ComputerName}" }""");

        Assert.Equal("SQLAgent$A${SystemRoot}", ServiceName(Load(ServiceBaseline, new VariableInputs([new("SqlInstance", "A${SystemRoot}")], null))));
        Assert.Equal("SQLAgent$P${ComputerName}", ServiceName(Load(ServiceBaseline, new VariableInputs([], vars))));
        Assert.Equal("SQLAgent$S${Undefined}", ServiceName(Load(ServiceBaseline, new VariableInputs([new("SqlInstance", "S${Undefined}")], null) { SecretNames = new HashSet<string>(["SqlInstance"], StringComparer.OrdinalIgnoreCase) })));
    }

    [Theory]
    [InlineData("1.5", "a number that is not whole")]
    [InlineData("1.0", "a number that is not whole")]
    [InlineData("[\"a\", 7]", "an array holding something other than strings")]
    [InlineData("{ \"x\": \"y\" }", "an object")]
    [InlineData("null", "null")]
    public void AVarsValueOfAKindNoParameterTakesIsNamedByItsKindNotItsText(string json, string kind)
    {
        var vars = _folder.Write("vars.json", $$"""{ "SqlInstance": {{json}} }""");

        var e = Assert.Throws<BackupReconciler.Input.InputException>(() => Load(ServiceBaseline, new VariableInputs([], vars)));

        Assert.EndsWith($"variable \"SqlInstance\" is {kind}; give a string, a whole number, true or false, or an array of strings.", e.Message, StringComparison.Ordinal);
    }
}
