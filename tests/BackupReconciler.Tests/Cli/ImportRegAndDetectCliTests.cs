using System.Text;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Cli;

public sealed class ImportRegAndDetectCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ImportRegWritesABaselineThatValidateAcceptsAndNamesTheKeysItCouldNotImport()
    {
        var reg = _folder.Combine("agent.reg");
        File.WriteAllBytes(reg, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(
            "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Agent]\r\n\"ConnectionNoActivityTimeout\"=dword:00001c20\r\n\"Old\"=-\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]\r\n")]);
        var baseline = _folder.Combine("agent.json");

        var (exit, _, err) = CliRun.Run(_folder.Combine("state"), "import-reg", reg, "--out", baseline);
        var validate = CliRun.Run(_folder.Combine("state"), "validate", baseline);

        Assert.Equal(0, exit);
        Assert.Contains(@"not imported: HKLM\SOFTWARE\Empty (line 7) has no values", err);
        Assert.Equal(0, validate.Exit);
        var values = JObject.Parse(File.ReadAllText(baseline))["resources"]![0]!["properties"]!["values"]!;
        Assert.Equal(7200, (int)values["ConnectionNoActivityTimeout"]!["data"]!);
        Assert.Equal("absent", (string?)values["Old"]!["ensure"]);
    }

    [Fact]
    public void ImportRegOfAKeyDeletionExitsOneWithTheLineAndTheReason()
    {
        var reg = _folder.Write("bad.reg", "Windows Registry Editor Version 5.00\n\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\n");

        var (exit, output, err) = CliRun.Run(_folder.Combine("state"), "import-reg", reg);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: {reg}(3,1): [-HKEY_LOCAL_MACHINE\\SOFTWARE\\X] deletes a whole key", err);
    }

    [Theory]
    [InlineData("dpm-server", "drifted", new[] { "dpm-server" })]
    [InlineData("dpm-server", "compliant", new[] { "dpm-server" })]
    [InlineData("dpm-protected-server", "drifted", new[] { "dpm-protected-server" })]
    [InlineData("dpm-protected-server", "compliant", new[] { "dpm-protected-server" })]
    [InlineData("mars-agent", "drifted", new[] { "mars-agent" })]
    [InlineData("mars-agent", "compliant", new[] { "mars-agent" })]
    [InlineData("sql-azure-vm", "drifted", new[] { "sql-azure-vm" })]
    [InlineData("sql-azure-vm", "compliant", new[] { "sql-azure-vm" })]
    [InlineData("system-state", "drifted", new[] { "mars-agent" })] // Windows Server Backup not installed yet: nothing says the host is meant for it
    [InlineData("system-state", "compliant", new[] { "mars-agent", "system-state" })]
    [InlineData("dpm-remote-sql", "drifted", new[] { "dpm-remote-sql" })]
    [InlineData("dpm-remote-sql", "compliant", new[] { "dpm-remote-sql" })]
    public void DetectNamesTheRoleBaselinesOfEachSampleWithEvidence(string role, string kind, string[] expected)
    {
        var (exit, output, err) = CliRun.Run(_folder.Combine("state"), "detect", "--snapshot", Repository.File($"samples/{role}.{kind}.json"), "--output", "json");

        Assert.True(exit == 0, err);
        var report = JObject.Parse(output);
        Assert.Equal(expected.Select(r => $"baselines/{r}.json"), report["applies"]!.Values<string>());
        Assert.All(report["roles"]!, r => Assert.NotEmpty(r["evidence"]!));
    }

    [Fact]
    public void DetectAsTextMarksEachRoleAndGivesItsEvidence()
    {
        var (exit, output, _) = CliRun.Run(_folder.Combine("state"), "detect", "--snapshot", Repository.File("samples/dpm-server.compliant.json"));

        Assert.Equal(0, exit);
        Assert.Contains("✓ dpm-server (a System Center DPM server) — baselines/dpm-server.json", output);
        Assert.Contains("service MSDPM (the DPM engine) is installed", output);
        Assert.Contains("· mars-agent", output);
    }

    [Fact]
    public void DetectSaysARoleIsUnknownWhenItsEvidenceCannotBeRead()
    {
        var snapshot = _folder.Write("h.json", """
            { "computerName": "H", "faults": [ { "operation": "read", "target": "service:obengine", "message": "Access is denied. (5)" } ] }
            """);

        var (exit, output, _) = CliRun.Run(_folder.Combine("state"), "detect", "--snapshot", snapshot, "--output", "json");

        Assert.Equal(4, exit);
        var mars = JObject.Parse(output)["roles"]!.Single(r => (string?)r["role"] == "mars-agent");
        Assert.Equal(JTokenType.Null, mars["applies"]!.Type);
        Assert.Contains("Access is denied. (5)", (string?)mars["error"]);
    }
}
