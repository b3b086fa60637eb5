using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli.Reports;

/// <summary>
/// schemas/report.schema.json says what the JSON reports hold: ajv checks it against real reports of every
/// verb (plan, test, get, apply --what-if, apply, undo, runs) on every shipped sample, and every member it
/// describes has a description.
/// </summary>
public sealed class ReportSchemaTests : IDisposable
{
    private static readonly string Schema = Repository.File("schemas/report.schema.json");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Each shipped sample snapshot (with its files folder), by role and state.</summary>
    private static IEnumerable<(string Role, string Sample)> Samples() =>
        Directory.EnumerateFiles(Repository.File("samples"), "*.json")
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => !f.EndsWith(".vars.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f[..f.IndexOf('.', StringComparison.Ordinal)], f));

    [SchemaValidatorFact]
    public void AjvAcceptsTheJsonReportOfEveryVerbOnEverySample()
    {
        var reports = new List<string>();
        var state = _folder.Combine("state");
        var samples = Samples().ToList();
        Assert.Equal(12, samples.Count);
        foreach (var (role, sample) in samples)
        {
            var work = Directory.CreateDirectory(_folder.Combine(sample)).FullName;
            var snapshot = Path.Combine(work, sample);
            File.Copy(Repository.File($"samples/{sample}"), snapshot);
            var files = Repository.File($"samples/{Path.GetFileNameWithoutExtension(sample)}-files");
            if (Directory.Exists(files))
            {
                CopyFolder(files, Path.Combine(work, Path.GetFileName(files)));
            }

            var vars = Repository.File($"samples/{role}.vars.json");
            string[] common = [Repository.File($"baselines/{role}.json"), "--snapshot", snapshot, .. File.Exists(vars) ? new[] { "--vars", vars } : [], "--output", "json"];
            string Report(string name, params string[] args)
            {
                var run = CliRun.Run(state, args);
                Assert.True(run.Exit != 1, $"{name} of {sample}: {run.Err}");
                reports.Add(_folder.Write($"reports/{sample}.{name}.json", run.Out));
                return run.Out;
            }

            Report("plan", ["plan", .. common]);
            Report("test", ["test", .. common]);
            Report("get", ["get", .. common]);
            Report("what-if", ["apply", .. common, "--what-if"]);
            var applied = JObject.Parse(Report("apply", ["apply", .. common]));
            Report("undo", "undo", (string)applied["runId"]!, "--snapshot", snapshot, "--output", "json");
        }

        var listing = CliRun.Run(state, "runs", "--output", "json");
        reports.Add(_folder.Write("reports/runs.json", listing.Out));
        Assert.Equal(24, JObject.Parse(listing.Out)["runs"]!.Count()); // an apply and an undo per sample: nothing else is journaled

        var (exit, output) = SchemaValidator.Validate(Schema, reports);

        Assert.True(exit == 0, output);
        Assert.Equal(reports.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [SchemaValidatorFact]
    public void AjvRefusesAReportWithAMemberTheSchemaDoesNotDescribe()
    {
        var run = CliRun.Run(_folder.Combine("state"), "plan", Repository.File("baselines/dpm-protected-server.json"), "--snapshot", Repository.File("samples/dpm-protected-server.drifted.json"), "--output", "json");
        var report = JObject.Parse(run.Out);
        report["resources"]![0]!["undocumented"] = 1;
        var file = _folder.Write("extra.json", report.ToString());

        var (exit, output) = SchemaValidator.Validate(Schema, [file]);

        Assert.Equal(1, exit);
        Assert.Contains("must NOT have additional properties", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMemberTheSchemaDescribesHasADescription()
    {
        var schema = JObject.Parse(File.ReadAllText(Schema));
        var undocumented = new List<string>();

        foreach (var properties in schema.Descendants().OfType<JProperty>().Where(p => p.Name == "properties" && p.Value is JObject))
        {
            foreach (var member in ((JObject)properties.Value).Properties())
            {
                var described = member.Value is JObject definition && (definition["description"] is not null || definition["$ref"] is { } reference && Resolve(schema, (string)reference!)["description"] is not null);
                if (!described)
                {
                    undocumented.Add(member.Path);
                }
            }
        }

        Assert.Empty(undocumented);
        Assert.All(((JObject)schema["$defs"]!).Properties(), d => Assert.NotNull(d.Value["description"]));
    }

    private static JToken Resolve(JObject schema, string reference) => schema.SelectToken(reference.TrimStart('#').Replace('/', '.').TrimStart('.'))!;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
