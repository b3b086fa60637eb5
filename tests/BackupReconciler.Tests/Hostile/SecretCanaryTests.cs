using System.Xml.Linq;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, item 1: canaries planted through every source of a secret (command line in both spellings,
/// vars file, parameter default, a secret of each type, the host's old value of a rotated secret) appear
/// in no output of any verb at any verbosity, failures and parse errors included, and every JSON and XML
/// output stays a valid document.
/// </summary>
public sealed class SecretCanaryTests : IDisposable
{
    private const string CommandLine = "Canary-Cl1-\"q\"&<x>\\slash";
    private const string FromFile = "Canary-F1le-with-a-value-long-enough-that-messages-shorten-it-when-they-quote-it";
    private const string FromDefault = "Canary-Def4ult&amp;";
    private const string PathSecret = "Canary-P4th\\Segment-Two";
    private const string ListItem = "Canary-L1st-item";
    private const string OldValue = "Canary-Old-R0tated";
    private const string IntegerSecret = "48213";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Baseline() => _folder.Write("b.json", $$"""
        { "name": "secrets",
          "parameters": {
            "FileSecret": { "type": "string", "secret": true },
            "DefaultSecret": { "type": "string", "secret": true, "default": "{{FromDefault}}" },
            "PathSecret": { "type": "string", "secret": true, "default": "{{PathSecret.Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
            "PortSecret": { "type": "integer", "secret": true, "default": {{IntegerSecret}} },
            "ListSecret": { "type": "array", "secret": true, "default": ["{{ListItem}}", "Canary-L1st-other"] } },
          "resources": [
            { "id": "rotated", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Vendor", "values": {
                "ApiToken": { "kind": "string", "data": "${FileSecret}" },
                "Cli": { "kind": "string", "data": "${CliSecret}" },
                "Default": { "kind": "string", "data": "${DefaultSecret}" },
                "Port": { "kind": "dword", "data": "${PortSecret}" },
                "List": { "kind": "multiString", "data": ["${ListSecret}"] } } } },
            { "id": "in-a-path", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Vendor\\${PathSecret}", "values": {
                "V": { "kind": "dword", "data": 1 } } } },
            { "id": "failing", "type": "service", "properties": { "name": "svc-${FileSecret}", "startType": "manual" } } ] }
        """);

    private string Snapshot() => _folder.Write("s.json", $$"""
        { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\Vendor": { "ApiToken": { "kind": "string", "data": "{{OldValue}}" } } },
          "faults": [ { "operation": "read", "target": "registry:HKLM\\SOFTWARE\\Vendor\\{{PathSecret.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "message": "denied at {{PathSecret.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } ] }
        """);

    private string VarsFile() => _folder.Write("vars.json", new JObject { ["FileSecret"] = FromFile }.ToString());

    private static readonly string[] Scenarios =
    [
        "validate", "test text", "test json", "test junit", "plan text", "plan json", "plan junit", "plan save",
        "apply text", "apply json", "apply junit", "apply what-if", "get", "snapshot", "watch", "runs", "runs json", "undo", "undo json",
        "apply plan", "parse joined spelling", "parse bad option after secret", "parse secret without name",
        "bad value next to a secret", "secret in a bad property", "integer secret bad value",
    ];

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var scenario in Scenarios)
        {
            data.Add(scenario, false);
            data.Add(scenario, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoCanaryReachesAnyOutputAndEveryDocumentStaysValid(string scenario, bool verbose)
    {
        var state = _folder.Combine("state");
        var baseline = Baseline();
        var snapshot = Snapshot();
        var vars = VarsFile();
        string[] common = ["--snapshot", snapshot, "--vars", vars, "--var-secret", "CliSecret=" + CommandLine, .. verbose ? new[] { "--verbose" } : []];
        var outputs = new List<(string Where, string Text)>();
        void Run(params string[] args)
        {
            var run = CliRun.Run(state, args);
            outputs.Add(($"stdout of {string.Join(' ', args.Take(1))}", run.Out));
            outputs.Add(($"stderr of {string.Join(' ', args.Take(1))}", run.Err));
            Assert.DoesNotContain("unexpected failure", run.Err, StringComparison.Ordinal);
        }

        // A run to undo, list and plan against, for the verbs that need one.
        if (scenario.StartsWith("runs", StringComparison.Ordinal) || scenario.StartsWith("undo", StringComparison.Ordinal))
        {
            Run(["apply", baseline, .. common]);
        }

        var plan = _folder.Combine("plan.json");
        var output = scenario.Split(' ').Skip(1).FirstOrDefault() is "json" or "junit" ? scenario.Split(' ')[1] : "text";
        switch (scenario)
        {
            case "validate": Run(["validate", baseline, .. common.Where((_, i) => i >= 2)]); break;
            case "get": Run(["get", baseline, .. common]); break;
            case "snapshot": Run(["snapshot", baseline, .. common, "--out", _folder.Combine("captured.json")]); break;
            case "watch": Run(["watch", baseline, .. common, "--interval", "1s", "--runs", "1"]); break;
            case "runs" or "runs json": Run(["runs", "--output", output]); break;
            case "undo" or "undo json":
                var runId = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(state, "runs"))[0]);
                Run(["undo", runId, "--snapshot", snapshot, "--output", output, .. verbose ? new[] { "--verbose" } : []]);
                break;
            case "plan save": Run(["plan", baseline, .. common, "--save-plan", plan]); break;
            case "apply what-if": Run(["apply", baseline, .. common, "--what-if", "--output", "json"]); break;
            case "apply plan":
                Run(["plan", baseline, .. common, "--save-plan", plan]);
                Run(["apply", baseline, "--snapshot", snapshot, "--plan", plan, "--var-secret", "CliSecret=" + CommandLine, "--var-secret", "FileSecret=" + FromFile]);
                break;
            case "parse joined spelling": Run(["plan", baseline, "--var-secret=CliSecret=" + CommandLine]); break;
            case "parse bad option after secret": Run(["plan", baseline, "--var-secret", "CliSecret=" + CommandLine, "--lock-timeout", CommandLine]); break;
            case "parse secret without name": Run(["plan", baseline, "--var-secret", "=" + CommandLine]); break;
            case "bad value next to a secret": Run(["plan", baseline, .. common, "--var", "PortSecret=" + FromFile]); break;
            case "secret in a bad property":
                var bad = _folder.Write("bad.json", """
                    { "name": "bad", "parameters": { "S": { "type": "string", "secret": true } },
                      "resources": [ { "id": "f", "type": "firewallRule", "properties": { "name": "R", "protocol": "tcp", "localPorts": ["${S}"] } } ] }
                    """);
                Run(["plan", bad, "--snapshot", snapshot, "--var-secret", "S=" + FromFile]);
                break;
            case "integer secret bad value": Run(["plan", baseline, .. common, "--var-secret", "PortSecret=" + CommandLine]); break;
            default:
                var verb = scenario.Split(' ')[0];
                Run([verb, baseline, .. common, "--output", output]);
                break;
        }

        outputs.AddRange(Directory.Exists(state) ? Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))) : []);
        outputs.AddRange(new[] { plan, _folder.Combine("captured.json") }.Where(File.Exists).Select(f => (f, File.ReadAllText(f))));
        foreach (var (where, text) in outputs)
        {
            Assert.False(text.Contains("Canary", StringComparison.Ordinal) || text.Contains(IntegerSecret, StringComparison.Ordinal) || text.Contains("Segment-Two", StringComparison.Ordinal),
                $"{where} shows a secret:\n{text}");
            MustBeValid(where, text);
        }
    }

    /// <summary>Journal lines, saved plans and JSON reports parse as JSON; JUnit reports as XML.</summary>
    private static void MustBeValid(string where, string text)
    {
        if (where.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JObject.Parse(line));
        }
        else if (where.EndsWith(".json", StringComparison.Ordinal) || (where.StartsWith("stdout", StringComparison.Ordinal) && text.TrimStart().StartsWith('{')))
        {
            JToken.Parse(text);
        }
        else if (where.StartsWith("stdout", StringComparison.Ordinal) && text.TrimStart().StartsWith('<'))
        {
            XDocument.Parse(text);
        }
    }
}
