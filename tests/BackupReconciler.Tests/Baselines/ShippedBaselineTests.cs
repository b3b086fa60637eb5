using System.Text.RegularExpressions;
using BackupReconciler.Baselines;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Baselines;

/// <summary>The shipped baselines are the product's knowledge: each must load, cite its seed and behave on its samples.</summary>
public sealed partial class ShippedBaselineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Roles => new() { "dpm-server", "dpm-protected-server", "mars-agent", "sql-azure-vm", "system-state", "dpm-remote-sql" };

    private static string[] Variables(string role) =>
        File.Exists(Repository.File($"samples/{role}.vars.json")) ? ["--vars", Repository.File($"samples/{role}.vars.json")] : [];

    private string Sample(string role, string kind)
    {
        var copy = _folder.Combine($"{role}.{kind}.json");
        File.Copy(Repository.File($"samples/{role}.{kind}.json"), copy, overwrite: true);
        var files = Repository.File($"samples/{role}.{kind}-files");
        if (Directory.Exists(files))
        {
            CopyFolder(files, _folder.Combine($"{role}.{kind}-files"));
        }

        return copy;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);

            // As new as a fresh checkout makes them (git keeps no file times): the samples must converge from there.
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void PlanOfTheDriftedSampleFindsDriftAndOfTheCompliantSampleNothing(string role)
    {
        var drifted = CliRun.Run(_folder.Combine("state"), ["plan", Repository.File($"baselines/{role}.json"), "--snapshot", Sample(role, "drifted"), .. Variables(role)]);
        var compliant = CliRun.Run(_folder.Combine("state"), ["plan", Repository.File($"baselines/{role}.json"), "--snapshot", Sample(role, "compliant"), .. Variables(role)]);

        Assert.True(drifted.Exit == 2, drifted.Out + drifted.Err);
        Assert.True(compliant.Exit == 0, compliant.Out + compliant.Err);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void ApplyOnTheDriftedSampleConvergesAndASecondApplyChangesNothing(string role)
    {
        var snapshot = Sample(role, "drifted");
        string[] args = ["apply", Repository.File($"baselines/{role}.json"), "--snapshot", snapshot, "--output", "json", "--detailed-exitcodes", .. Variables(role)];

        var first = JObject.Parse(CliRun.Run(_folder.Combine("state"), args).Out);
        var second = JObject.Parse(CliRun.Run(_folder.Combine("state"), args).Out);

        Assert.True((int)first["summary"]!["changed"]! > 0, first.ToString());
        Assert.Equal(0, (int)first["summary"]!["failed"]!);
        Assert.Equal(0, (int)second["summary"]!["changed"]!);
        Assert.Equal(0, (int)second["summary"]!["drifted"]!);
        Assert.Equal(0, (int)second["summary"]!["failed"]!);
    }

    [Fact]
    public void WithItsDefaultMinimumAgeTheFreshMarsSampleIsAPredictedFailureNotDrift()
    {
        var vars = _folder.Write("defaults.vars.json", """{ "TempFilesMaxCount": 5 }""");

        var plan = CliRun.Run(_folder.Combine("state"), "plan", Repository.File("baselines/mars-agent.json"), "--snapshot", Sample("mars-agent", "drifted"), "--vars", vars, "--output", "json");

        var temp = JObject.Parse(plan.Out)["resources"]!.Single(r => (string)r["id"]! == "windows-temp-files");
        Assert.Equal(6, plan.Exit);
        Assert.Equal("predictedFailure", (string)temp["status"]!);
        Assert.Contains("only 0 of the 8 files matching *.tmp", (string)temp["error"]!, StringComparison.Ordinal);
    }

    public static TheoryData<string> BaselineFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.File("baselines"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BaselineFiles))]
    public void EveryResourceCitesAnExistingSeedAndSaysWhy(string file)
    {
        var seeds = SeedFiles();
        var resources = (JArray?)JObject.Parse(File.ReadAllText(Repository.File(file)))["resources"] ?? [];

        foreach (var resource in resources)
        {
            var id = (string)resource["id"]!;
            var reference = (string?)resource["reference"] ?? "";
            var cited = SeedName().Matches(reference).Select(m => m.Value).ToList();
            Assert.True(cited.Count > 0, $"{file}: resource {id} has no reference to a seed file");
            Assert.All(cited, seed => Assert.True(seeds.Contains(seed), $"{file}: resource {id} cites {seed}, which is not a seed"));
            Assert.False(string.IsNullOrWhiteSpace((string?)resource["why"]), $"{file}: resource {id} has no why");
        }
    }

    [Fact]
    public void EveryRoleBaselineLoadsWithItsSampleVariables()
    {
        foreach (var role in new[] { "dpm-server", "dpm-protected-server", "mars-agent", "sql-azure-vm", "system-state", "dpm-remote-sql" })
        {
            var variables = File.Exists(Repository.File($"samples/{role}.vars.json")) ? new VariableInputs([], Repository.File($"samples/{role}.vars.json")) : VariableInputs.None;
            var baseline = new BaselineLoader(ResourceCatalog.Default).Load(Repository.File($"baselines/{role}.json"), variables, new Dictionary<string, string> { ["SystemDrive"] = "C:", ["ProgramFiles"] = @"C:\Program Files", ["SystemRoot"] = @"C:\Windows", ["ComputerName"] = "HOST01" });
            Assert.NotEmpty(baseline.Resources);
        }
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt")]
    private static partial Regex SeedName();

    /// <summary>The seed articles: the shared folder when it is beside the repository, else the list in baselines/README.md.</summary>
    private static HashSet<string> SeedFiles()
    {
        var shared = Path.Combine(Repository.Root, "..", "shared", "seeds");
        var names = Directory.Exists(shared)
            ? Directory.EnumerateFiles(shared, "*.txt").Select(Path.GetFileName).OfType<string>()
            : SeedName().Matches(File.ReadAllText(Repository.File("baselines/README.md"))).Select(m => m.Value);
        return names.ToHashSet(StringComparer.Ordinal);
    }
}
