using BackupReconciler.Cli.Dsc;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Dsc;

/// <summary>The DSC v3 resource as DSC sees it: its manifest against Microsoft's schema, and the exe run from that manifest on every shipped sample.</summary>
public sealed class DscHarnessTests
{
    /// <summary>DSC's published manifest schema: shared/ beside the repository, else the tests' byte-identical copy of it.</summary>
    private static readonly string ManifestSchema = new[]
    {
        Path.Combine(Repository.Root, "..", "shared", "data", "dsc", "resource-manifest.v3.1.0.schema.json"),
        Repository.File("tests/BackupReconciler.Tests/Data/dsc/resource-manifest.v3.1.0.schema.json"),
    }.First(File.Exists);

    public static TheoryData<string> Baselines()
    {
        var data = new TheoryData<string>();
        foreach (var baseline in Directory.GetFiles(Repository.File("baselines"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            data.Add(baseline!);
        }

        return data;
    }

    [Fact]
    public void TheShippedManifestIsWhatDscManifestWrites()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("m.json");
        var (exit, _, err) = Dsc("manifest", "--out", path);
        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllText(Repository.File("src/BackupReconciler.Cli/Dsc/" + DscManifest.FileName)), File.ReadAllText(path));
        Assert.Equal(DscManifest.Text(), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DscManifest.FileName)));
    }

    [SchemaValidatorFact]
    public void TheManifestValidatesAgainstThePublishedDscSchemaAndABrokenOneDoesNot()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.json", DscManifest.Text());
        var manifest = DscManifest.Build();
        manifest["set"]!["whatIfArg"] = "--what-if";
        manifest["type"] = "Backup Reconciler";
        var bad = folder.Write("bad.json", manifest.ToString());
        var (exit, output) = SchemaValidator.Run("tools/schema-check/check-dsc.mjs", ["manifest", ManifestSchema, good, bad]);
        Assert.Contains($"ok {good}", output);
        Assert.Contains("/set/whatIfArg is not declared by the schema", output);
        Assert.Contains("/type must match pattern", output);
        Assert.Equal(1, exit);
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void GetTestAndSetRunFromTheManifestOnTheCompliantAndTheDriftedSample(string name)
    {
        using var folder = new TempFolder();
        CopyFolder(Repository.File("samples"), folder.Combine("samples"));
        var exeFolder = Path.GetDirectoryName(DscHarness.Executable(AppContext.BaseDirectory))!;
        Assert.True(File.Exists(DscHarness.Executable(exeFolder)), $"the built exe is missing from {exeFolder}");
        var (written, _, writeErr) = Dsc("manifest");
        Assert.True(written == 0, writeErr);
        var harness = new DscHarness(Path.Combine(exeFolder, DscManifest.FileName), folder.Combine("state"));
        var outputs = new List<string>();

        foreach (var kind in new[] { "compliant", "drifted" })
        {
            var instance = Instance(name, $"samples/{name}.{kind}.json");
            var snapshotBefore = File.ReadAllBytes(folder.Combine($"samples/{name}.{kind}.json"));

            var get = harness.Invoke("get", instance, folder.Path);
            Assert.True(get.Exit == 0, string.Join("\n", get.Trace));
            Assert.All(get.State["resources"]!, r => Assert.NotNull(r["actual"]));
            outputs.Add(folder.Write($"out/{kind}-get.json", get.Output[0]));

            var test = harness.Invoke("test", instance, folder.Path);
            Assert.True(test.Exit == 0, string.Join("\n", test.Trace));
            var inDesiredState = test.State.Value<bool>("_inDesiredState");
            Assert.Equal(kind == "compliant", inDesiredState);
            Assert.Equal(kind == "drifted", test.Diff.Contains("resources"));
            Assert.Equal(inDesiredState, test.Diff.Count == 0);
            outputs.Add(folder.Write($"out/{kind}-test.json", test.Output[0]));
            Assert.Equal(snapshotBefore, File.ReadAllBytes(folder.Combine($"samples/{name}.{kind}.json")));

            // DSC runs the manifest's whatIf for `dsc config set --what-if` (it refuses what-if for a set that tests
            // first and declares none): it changes nothing and names exactly the properties set then changes.
            var whatIf = harness.Invoke("whatIf", instance, folder.Path);
            Assert.True(whatIf.Exit == 0, string.Join("\n", whatIf.Trace));
            Assert.Equal(snapshotBefore, File.ReadAllBytes(folder.Combine($"samples/{name}.{kind}.json")));
            outputs.Add(folder.Write($"out/{kind}-whatif.json", whatIf.Output[0]));

            var set = harness.Invoke("set", instance, folder.Path);
            Assert.True(set.Exit == 0, string.Join("\n", set.Trace));
            var changed = set.State["resources"]!.Count(r => (string?)r["status"] == "changed");
            Assert.Equal(changed > 0, set.Diff.Contains("resources"));
            Assert.All(set.Diff, p => Assert.Contains(p, new[] { "resources", "_restartRequired" }));
            Assert.Equal(whatIf.Diff, set.Diff);
            Assert.Equal(kind == "drifted", changed > 0);
            outputs.Add(folder.Write($"out/{kind}-set.json", set.Output[0]));

            // After set, test finds nothing left that set can fix: what remains is for a person (manual).
            var after = harness.Invoke("test", instance, folder.Path);
            Assert.All(after.State["resources"]!, r => Assert.Contains((string?)r["status"], new[] { "compliant", "manual" }));
            Assert.Equal(after.State.Value<bool>("_inDesiredState"), after.Diff.Count == 0);
            var again = harness.Invoke("set", instance, folder.Path);
            Assert.Equal([], again.Diff);

            foreach (var result in new[] { get, test, set, after, again })
            {
                Assert.All(result.Trace, line => Assert.Single(JObject.Parse(line).Properties(), p => p.Name is "error" or "warn" or "info" or "debug" or "trace"));
            }
        }

        if (SchemaValidator.IsInstalled)
        {
            var (exit, output) = SchemaValidator.Run("tools/schema-check/check-dsc.mjs", ["instances", ManifestSchema, harness.ManifestPath, .. outputs]);
            Assert.True(exit == 0, output);
        }
    }

    [Fact]
    public void ARestartAnEarlierSetDeferredIsRequiredUntilASetDoesItAndThenIsWhatSetChanged()
    {
        using var folder = new TempFolder();
        var (written, _, writeErr) = Dsc("manifest");
        Assert.True(written == 0, writeErr);
        var exeFolder = Path.GetDirectoryName(DscHarness.Executable(AppContext.BaseDirectory))!;
        var harness = new DscHarness(Path.Combine(exeFolder, DscManifest.FileName), folder.Combine("state"));
        var baseline = folder.Write("b.json", """
            { "name": "b", "resources": [ { "id": "timeout", "type": "registry", "restartServices": ["DPMRA"],
              "properties": { "key": "HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Agent",
                              "values": { "ConnectionNoActivityTimeout": { "kind": "dword", "data": 7200 } } } } ] }
            """);
        var snapshot = folder.Write("s.json", """
            { "computerName": "DPM01",
              "services": { "DPMRA": { "startType": "automatic", "state": "running" } },
              "backupActivity": { "running": [ { "kind": "sqlAgentJob", "name": "00890b12", "detail": "MSDPM2012" } ] } }
            """);
        var instance = new JObject { ["baseline"] = baseline, ["snapshot"] = snapshot };
        static string[] Required(DscResult r) => r.State["_restartRequired"]?.Select(s => (string)s["service"]!).ToArray() ?? [];

        // A DPM job runs: set changes the value and defers the restart. The service still runs with the old value.
        var deferring = harness.Invoke("set", instance, folder.Path);
        Assert.Equal(["resources"], deferring.Diff);
        Assert.Equal(["DPMRA"], Required(deferring));
        Assert.False(deferring.State.Value<bool>("_inDesiredState"));

        var waiting = harness.Invoke("test", instance, folder.Path);
        Assert.Equal(["_restartRequired"], waiting.Diff);
        Assert.Equal(["DPMRA"], Required(waiting));
        Assert.False(waiting.State.Value<bool>("_inDesiredState"));

        // The job is over: what-if says set would do the restart; set does it, and lists that as its change.
        // No pause: a set right after another, in the same second, must still be read as the newer run.
        var idle = JObject.Parse(File.ReadAllText(snapshot));
        idle.Remove("backupActivity");
        File.WriteAllText(snapshot, idle.ToString());
        Assert.Equal(["_restartRequired"], harness.Invoke("whatIf", instance, folder.Path).Diff);
        var restarting = harness.Invoke("set", instance, folder.Path);
        Assert.True(restarting.Exit == 0, string.Join("\n", restarting.Trace));
        Assert.Equal(["_restartRequired"], restarting.Diff);
        Assert.Empty(Required(restarting));
        Assert.True(restarting.State.Value<bool>("_inDesiredState"));

        var done = harness.Invoke("test", instance, folder.Path);
        Assert.Empty(done.Diff);
        Assert.True(done.State.Value<bool>("_inDesiredState"));
        Assert.Empty(harness.Invoke("set", instance, folder.Path).Diff);
    }

    [Fact]
    public void DriftSetWillFailOnIsNotInTheDesiredStateAndTheTraceSaysWhyBeforeSetFails()
    {
        using var folder = new TempFolder();
        var (written, _, writeErr) = Dsc("manifest");
        Assert.True(written == 0, writeErr);
        var exeFolder = Path.GetDirectoryName(DscHarness.Executable(AppContext.BaseDirectory))!;
        var harness = new DscHarness(Path.Combine(exeFolder, DscManifest.FileName), folder.Combine("state"));
        // Starting a disabled service cannot succeed: plan calls it a predicted failure (exit 6), apply fails it.
        var instance = new JObject
        {
            ["baseline"] = folder.Write("b.json", """{ "name": "b", "resources": [ { "id": "a", "type": "service", "properties": { "name": "A", "state": "running" } } ] }"""),
            ["snapshot"] = folder.Write("s.json", """{ "computerName": "H", "services": { "A": { "startType": "disabled", "state": "stopped" } } }"""),
        };
        static bool Warns(DscResult r) => r.Trace.Any(l => ((string?)JObject.Parse(l)["warn"])?.StartsWith("a: set would fail: ", StringComparison.Ordinal) == true);

        foreach (var operation in new[] { "test", "whatIf" })
        {
            var result = harness.Invoke(operation, instance, folder.Path);
            Assert.Equal(0, result.Exit);
            Assert.False(result.State.Value<bool>("_inDesiredState"));
            Assert.Equal("predictedFailure", (string?)result.State["resources"]![0]!["status"]);
            Assert.True(Warns(result), operation + ": " + string.Join("\n", result.Trace));
        }

        var set = harness.Invoke("set", instance, folder.Path);
        Assert.Equal(4, set.Exit);
        Assert.False(set.State.Value<bool>("_inDesiredState"));
        Assert.Empty(set.Diff);
    }

    /// <summary>The dsc subcommand in process (CliRun would add --state-dir, which dsc does not take).</summary>
    private static (int Exit, string Out, string Err) Dsc(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new BackupReconciler.Cli.CliApplication(stdout, stderr, TimeProvider.System).Run(["dsc", .. args]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JObject Instance(string name, string snapshot)
    {
        var instance = new JObject { ["baseline"] = Repository.File($"baselines/{name}.json"), ["snapshot"] = snapshot };
        var vars = Repository.File($"samples/{name}.vars.json");
        if (File.Exists(vars))
        {
            instance["variables"] = JObject.Parse(File.ReadAllText(vars));
        }

        return instance;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            // Git keeps no file times; the sample's files stand for ones written days ago (tempFiles keeps files newer than a day).
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow.AddDays(-2));
        }
    }
}
