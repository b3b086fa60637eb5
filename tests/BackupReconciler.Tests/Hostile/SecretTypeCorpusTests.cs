using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, item 8, first class: every parameter type × every way of making it secret, each with its exact
/// outcome. A string, integer or array secret goes through plan --save-plan, apply --plan and undo with every
/// file valid JSON, the secret in none of them, and the host exactly as planned, then exactly as before; a
/// boolean secret is refused (exit 1, located), since true and false cannot be masked.
/// </summary>
public sealed class SecretTypeCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    public static readonly string[] Types = ["string", "integer", "array", "boolean"];

    public static readonly string[] Sources = ["default", "var-secret", "vars file"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in Types)
        {
            foreach (var source in Sources)
            {
                data.Add(type, source);
            }
        }

        return data;
    }

    private static (string Json, string Cli, string Kind, string Data) ValueOf(string type) => type switch
    {
        "string" => ("\"Canary-Str1ng\"", "Canary-Str1ng", "string", "\"${S}\""),
        "integer" => ("48213", "48213", "dword", "\"${S}\""),
        "array" => ("[\"Canary-A1tem\", \"Canary-A2tem\"]", "Canary-A1tem,Canary-A2tem", "multiString", "[\"${S}\"]"),
        _ => ("true", "true", "dword", "1"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ASecretOfEveryTypeFromEverySourceHasItsExactOutcome(string type, string source)
    {
        var (json, cli, kind, data) = ValueOf(type);
        var declared = source switch
        {
            "default" => $$"""{ "type": "{{type}}", "secret": true, "default": {{json}} }""",
            "var-secret" => $$"""{ "type": "{{type}}" }""",
            _ => $$"""{ "type": "{{type}}", "secret": true }""",
        };
        var baseline = _folder.Write("b.json", $$"""
            { "name": "typed",
              "parameters": { "S": {{declared}} },
              "resources": [ { "id": "r", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "S": { "kind": "{{kind}}", "data": {{data}} } } } } ] }
            """);
        var snapshot = _folder.Write("s.json", """{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": {} } }""");
        var original = File.ReadAllText(snapshot);
        var vars = _folder.Write("vars.json", $$"""{ "S": {{json}} }""");
        string[] given = source switch { "var-secret" => ["--var-secret", "S=" + cli], "vars file" => ["--vars", vars], _ => [] };
        string[] again = source == "default" ? [] : ["--var-secret", "S=" + cli];
        var plan = _folder.Combine("plan.json");

        var planned = CliRun.Run(State, ["plan", baseline, "--snapshot", snapshot, "--save-plan", plan, .. given]);

        if (type == "boolean")
        {
            Assert.Equal(1, planned.Exit);
            Assert.Equal($"error: {baseline}(2,22): the secret variable \"S\" is a boolean; a yes-or-no value cannot be masked without masking every yes and no in the reports, and tells nothing worth hiding; do not mark it secret.", planned.Err.Trim());
            Assert.False(File.Exists(plan));
            return;
        }

        Assert.True(planned.Exit == 2, planned.Err);
        var applied = CliRun.Run(State, ["apply", baseline, "--snapshot", snapshot, "--plan", plan, "--output", "json", .. again]);
        Assert.True(applied.Exit == 0, applied.Out + applied.Err);
        var written = JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["S"]!["data"]!;
        Assert.Equal(JToken.Parse(json).ToString(), written.ToString());

        var runId = (string)JObject.Parse(applied.Out)["runId"]!;
        var undone = CliRun.Run(State, "undo", runId, "--snapshot", snapshot);
        Assert.True(undone.Exit == 0, undone.Out + undone.Err);
        Assert.Null(JObject.Parse(File.ReadAllText(snapshot))["registry"]!["HKLM\\SOFTWARE\\X"]!["S"]);
        Assert.Equal(JToken.Parse(original).ToString(), JObject.Parse(File.ReadAllText(snapshot)).ToString());

        foreach (var file in Directory.EnumerateFiles(State, "*", SearchOption.AllDirectories).Append(plan))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Canary", text, StringComparison.Ordinal);
            Assert.DoesNotContain("48213", text, StringComparison.Ordinal);
            if (file.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JObject.Parse(line));
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                JToken.Parse(text);
            }
        }

        Assert.DoesNotContain("Canary", planned.Out + planned.Err + applied.Out + applied.Err + undone.Out + undone.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("48213", planned.Out + planned.Err + applied.Out + applied.Err + undone.Out + undone.Err, StringComparison.Ordinal);
    }
}
