using System.Text;
using System.Text.RegularExpressions;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// DESIGN §7, "bad input never crashes and never half-applies", over <see cref="HostileCorpus"/>: each
/// hostile baseline or snapshot, given to apply through the command line (in process), exits 1 with one
/// located error line and no stack trace, leaves the snapshot byte-identical and writes no journal.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Corpus() => new(HostileCorpus.All.Select(c => c.Name));

    [Fact]
    public void TheCorpusHasAHundredAndMoreCasesEachWithAnExpectedMessage()
    {
        Assert.True(HostileCorpus.All.Count >= 100, $"{HostileCorpus.All.Count} cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Name).Distinct().Count());
        Assert.All(HostileCorpus.All, c => Assert.StartsWith("<dir>/", c.Expected, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void AHostileInputExitsOneWithOneLocatedErrorChangesNothingAndWritesNoJournal(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        var (baseline, snapshot) = Write(hostile);
        var before = Fingerprint(snapshot);
        var state = _folder.Combine("state");

        var (exit, output, error) = CliRun.Run(state, "apply", baseline, "--snapshot", snapshot);

        var line = WithoutFolder(error).TrimEnd('\n');
        Assert.Equal("error: " + hostile.Expected, line);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(snapshot));

        Assert.False(Directory.Exists(Path.Combine(state, "runs")), "a refused run wrote a journal");
    }

    /// <summary>The values at the limits the corpus goes past are accepted, and apply writes them exactly.</summary>
    [Theory]
    [InlineData("dword", "4294967295", "4294967295")]
    [InlineData("dword", "\"0xFFFFFFFF\"", "4294967295")]
    [InlineData("qword", "18446744073709551615", "18446744073709551615")]
    [InlineData("qword", "\"0xffffffffffffffff\"", "18446744073709551615")]
    public void RegistryNumbersAtTheirLimitsAreAcceptedAndWrittenExactly(string kind, string data, string written)
    {
        var (baseline, snapshot) = Write(HostileFile.Baseline, $$"""
            { "name": "t", "resources": [ { "id": "r", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "{{kind}}", "data": {{data}} } } } } ] }
            """);

        var (exit, _, error) = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes");

        Assert.True(exit == 2, error);
        Assert.Equal(written, JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["A"]!["data"]!.ToString());
    }

    [Theory]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": [65535, "0-65535"] }""")]
    [InlineData("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "100%" }""")]
    [InlineData("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": 9223372036854775807 }""")]
    [InlineData("freeSpace", """{ "path": "C:\\", "minimumFreePercent": 100 }""")]
    [InlineData("freeSpace", """{ "path": "C:\\", "minimumFreePercent": 0.1 }""")]
    [InlineData("eventLogQuiet", """{ "source": "S", "eventIds": [0, 65535], "within": "3650d" }""")]
    [InlineData("eventLogQuiet", """{ "source": "S", "eventIds": [208], "within": "87600h" }""")]
    [InlineData("tempFiles", """{ "directory": "C:\\Windows\\Temp", "maxCount": 2147483647, "minAge": "3650d" }""")]
    [InlineData("tempFiles", """{ "directory": "C:\\Windows\\Temp", "maxCount": 0, "minAge": "0s" }""")]
    public void OtherValuesAtTheirLimitsAreAccepted(string type, string properties)
    {
        var (baseline, _) = Write(HostileFile.Baseline, $$"""{ "name": "t", "resources": [ { "id": "r", "type": "{{type}}", "properties": {{properties}} } ] }""");

        var (exit, output, error) = CliRun.Run(_folder.Combine("state"), "validate", baseline);

        Assert.True(exit == 0, error);
        Assert.Contains("1 resources, valid", output, StringComparison.Ordinal);
    }

    /// <summary>The snapshot's bytes, or for one too large to read (made sparse), its length and time: either changes with any write.</summary>
    private static string Fingerprint(string path)
    {
        var info = new FileInfo(path);
        return info.Length <= 1024 * 1024
            ? Convert.ToHexString(File.ReadAllBytes(path))
            : $"{info.Length} bytes, written {info.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>The case's folder as &lt;dir&gt;, and the separators of paths inside it as '/', whatever the system.</summary>
    private string WithoutFolder(string text) =>
        Regex.Replace(text, Regex.Escape(_folder.Path) + @"(?:[\\/][A-Za-z0-9_.-]+)*", m => "<dir>" + m.Value[_folder.Path.Length..].Replace('\\', '/'));

    private (string Baseline, string Snapshot) Write(HostileCase hostile)
    {
        var target = _folder.Combine(hostile.File == HostileFile.Baseline ? "b/baseline.json" : "snapshot.json");
        Directory.CreateDirectory(_folder.Combine("b"));
        var bytes = hostile.Content(_folder);
        if (!File.Exists(target))
        {
            File.WriteAllBytes(target, bytes);
        }

        _folder.Write("outside.json", """{ "resources": [] }""");
        return Write(hostile.File, null);
    }

    /// <summary>The hostile file (already written, or <paramref name="text"/>) and the good other one.</summary>
    private (string Baseline, string Snapshot) Write(HostileFile hostile, string? text)
    {
        var baseline = _folder.Combine("b/baseline.json");
        var snapshot = _folder.Combine("snapshot.json");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        if (text is not null)
        {
            File.WriteAllText(hostile == HostileFile.Baseline ? baseline : snapshot, text, new UTF8Encoding(false));
        }

        if (hostile != HostileFile.Baseline)
        {
            File.WriteAllText(baseline, HostileCorpus.GoodBaseline);
        }

        if (hostile != HostileFile.Snapshot)
        {
            File.WriteAllText(snapshot, HostileCorpus.GoodSnapshot);
        }

        return (baseline, snapshot);
    }
}
