using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli;

/// <summary>A canary secret planted in secret variables must appear in no report, log line, journal or error, at any verbosity.</summary>
public sealed class SecretTests : IDisposable
{
    private const string CommandLineCanary = "Canary-Cl1-\"quoted\"\\slash";
    private const string ParameterCanary = "Canary-P4ram<xml>&";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Baseline() => _folder.Write("b.json", """
        { "name": "secrets",
          "parameters": { "Token": { "type": "string", "secret": true, "description": "a value nobody may read in a log" } },
          "resources": [
            { "id": "written", "type": "registry",
              "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "values": {
                "ApiToken": { "kind": "string", "data": "${Token}" },
                "Cli": { "kind": "string", "data": "${CliSecret}" } } } },
            { "id": "failing", "type": "service", "properties": { "name": "svc-${Token}", "startType": "manual" } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", """
        { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Vendor": { "ApiToken": { "kind": "string", "data": "old" } } } }
        """);

    [Theory]
    [InlineData("plan", "text")]
    [InlineData("apply", "json")]
    [InlineData("apply", "junit")]
    [InlineData("test", "text")]
    [InlineData("get", "json")]
    public void TheCanaryAppearsNowhereAtAnyVerbosity(string verb, string output)
    {
        var state = _folder.Combine("state-" + verb + output);
        var baseline = Baseline();
        var snapshot = Snapshot();
        var run = CliRun.Run(state, verb, baseline, "--snapshot", snapshot, "--output", output, "--verbose",
            "--var", "Token=" + ParameterCanary, "--var-secret", "CliSecret=" + CommandLineCanary);

        var written = new List<(string Where, string Text)> { ("stdout", run.Out), ("stderr", run.Err) };
        // Read-only verbs leave no state directory at all (no log file): then nothing there can hold a canary.
        if (Directory.Exists(state))
        {
            written.AddRange(Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))));
        }

        Assert.Contains(written, w => w.Text.Contains("***", StringComparison.Ordinal));
        foreach (var (where, text) in written)
        {
            Assert.DoesNotContain("Canary", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnErrorMessageThatWouldQuoteASecretMasksIt()
    {
        var baseline = _folder.Write("bad.json", """
            { "name": "x", "parameters": { "Port": { "type": "integer", "default": 1, "secret": true } }, "resources": [] }
            """);

        var run = CliRun.Run(_folder.Combine("state"), "plan", baseline, "--snapshot", Snapshot(), "--var-secret", "Port=Canary-not-a-number");

        Assert.Equal(1, run.Exit);
        Assert.Equal("error: --var Port=***: parameter \"Port\" is of type integer; give a value of that type.", run.Err.Trim());
    }
}
