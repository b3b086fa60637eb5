using BackupReconciler.Cli;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Dsc;

/// <summary>The dsc subcommand's own contract: only state lines on stdout, JSON trace lines on stderr, secrets masked, located input errors.</summary>
public sealed class DscCommandTests
{
    private const string Secret = "s3cr3t-token-value";

    private const string Baseline = """
        {
          "name": "dsc-secret",
          "parameters": { "Token": { "type": "string" } },
          "resources": [
            { "id": "token", "type": "registry",
              "properties": { "key": "HKLM\\SOFTWARE\\BRTest", "values": { "Token": { "kind": "string", "data": "${Token}" } } } }
          ]
        }
        """;

    private static (int Exit, string Out, string Err) Dsc(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System) { StandardInput = new StringReader(stdin) }.Run(["dsc", .. args]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void EveryLineIsATraceMessage(string stderr) =>
        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Single(JObject.Parse(line).Properties()));

    [Fact]
    public void AnUnknownInstancePropertyIsRefusedWithItsPositionAsOneErrorTraceAndNothingOnStdout()
    {
        var (exit, stdout, stderr) = Dsc("{\"baseline\": \"b.json\",\n \"snapshots\": \"s.json\"}", "test");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var error = (string)JObject.Parse(stderr.Trim())["error"]!;
        Assert.StartsWith("the instance on standard input(2,", error, StringComparison.Ordinal);
        Assert.Contains("\"snapshots\" is not a property of BackupReconciler/Baseline (did you mean \"snapshot\"?)", error);
    }

    [Fact]
    public void AnEmptyStandardInputSaysHowToGiveTheInstance()
    {
        var (exit, stdout, stderr) = Dsc("", "get");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no instance was given", (string)JObject.Parse(stderr.Trim())["error"]!);
    }

    [Fact]
    public void AnUnknownOperationOrOptionIsRefused()
    {
        Assert.Equal(1, Dsc("", "delete").Exit);
        Assert.Equal(1, Dsc("", "test", "--snapshot", "x").Exit);
    }

    [Fact]
    public void ASecureStringVariableIsUsedButNeverShownInStateOrTrace()
    {
        using var folder = new TempFolder();
        var baseline = folder.Write("b.json", Baseline);
        var snapshot = folder.Write("s.json", "{\"snapshotVersion\": 1, \"computerName\": \"H1\"}");
        var instance = new JObject
        {
            ["baseline"] = baseline,
            ["snapshot"] = snapshot,
            ["variables"] = new JObject { ["Token"] = new JObject { ["secureString"] = Secret } },
        }.ToString();
        var test = Dsc(instance, "test");
        Assert.Equal(0, test.Exit);
        Assert.DoesNotContain(Secret, test.Out + test.Err);
        Assert.Contains("***", test.Out);

        var set = Dsc("", "set", "--input", instance);
        Assert.Equal(0, set.Exit);
        Assert.DoesNotContain(Secret, set.Out + set.Err);
        Assert.Contains(Secret, File.ReadAllText(snapshot));
        EveryLineIsATraceMessage(test.Err + set.Err);
    }

    [Fact]
    public void AVariableOfTheWrongTypeIsLocatedInTheInstanceNotInASavedPlan()
    {
        using var folder = new TempFolder();
        var baseline = folder.Write("b.json", """
            { "name": "n", "parameters": { "Port": { "type": "integer" } },
              "resources": [ { "id": "p", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\BRTest", "values": { "P": { "kind": "dword", "data": "${Port}" } } } } ] }
            """);
        var instance = new JObject { ["baseline"] = baseline, ["snapshot"] = folder.Write("s.json", "{\"snapshotVersion\": 1, \"computerName\": \"H1\"}"), ["variables"] = new JObject { ["Port"] = "445x" } }.ToString();
        var (exit, stdout, stderr) = Dsc(instance, "test");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var error = (string)JObject.Parse(stderr.Trim())["error"]!;
        Assert.StartsWith("the variables of the instance on standard input: variable \"Port\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("saved plan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceThatCannotBeChangedFailsSetWithExitFourAndAnErrorTraceNamingIt()
    {
        using var folder = new TempFolder();
        var baseline = folder.Write("b.json", Baseline);
        var snapshot = folder.Write("s.json", """
            {"snapshotVersion": 1, "computerName": "H1",
             "faults": [ { "operation": "set", "target": "registry:HKLM\\SOFTWARE\\BRTest", "message": "Access is denied." } ] }
            """);
        var instance = new JObject { ["baseline"] = baseline, ["snapshot"] = snapshot, ["variables"] = new JObject { ["Token"] = "plain-value" } }.ToString();
        var (exit, stdout, stderr) = Dsc(instance, "set");
        Assert.Equal(4, exit);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => ((string?)JObject.Parse(line)["error"])?.Contains("token: ", StringComparison.Ordinal) == true);
    }
}
