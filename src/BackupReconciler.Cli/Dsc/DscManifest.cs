using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Dsc;

/// <summary>
/// The DSC v3 resource manifest (<c>backup-reconciler.dsc.resource.json</c>) with the instance schema
/// embedded. It keeps to the published v3.1.0 manifest schema (no whatIfArg), so every DSC 3.x accepts
/// it. What-if is its own method: DSC synthesises one from test only for a set without implementsPretest, and
/// refuses <c>--what-if</c> for a resource whose set tests first and that declares no whatIf.
/// </summary>
public static class DscManifest
{
    public const string FileName = "backup-reconciler.dsc.resource.json";

    public const string ResourceType = "BackupReconciler/Baseline";

    public static string Version
    {
        get
        {
            var version = typeof(DscManifest).Assembly.GetName().Version ?? new Version(0, 0, 0);
            return $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}";
        }
    }

    /// <summary>The manifest as written to disk: indented, LF line ends on every OS, a final newline.</summary>
    public static string Text() => Build().ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public static JObject Build() => new()
    {
        ["$schema"] = "https://aka.ms/dsc/schemas/v3/bundled/resource/manifest.json",
        ["type"] = ResourceType,
        ["version"] = Version,
        ["kind"] = "resource",
        ["description"] = "Keeps a Windows backup server (DPM, MARS, SQL on Azure VM, System State) in the state a BackupReconciler baseline declares.",
        ["tags"] = new JArray("Windows", "backup", "baseline", "DPM", "MARS"),
        ["get"] = Operation("get"),
        ["test"] = Operation("test", ("return", "stateAndDiff")),
        // implementsPretest: set tests before it changes anything, so DSC need not call test first.
        ["set"] = Operation("set", ("implementsPretest", true), ("return", "stateAndDiff")),
        ["whatIf"] = Operation("whatif", ("implementsPretest", true), ("return", "stateAndDiff")),
        ["exitCodes"] = new JObject(DscExitCodes.Descriptions.Select(d => new JProperty(d.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Value))),
        ["schema"] = new JObject { ["embedded"] = InstanceSchema() },
    };

    // The instance goes on standard input, never on the command line, where secureString values would be visible to every process.
    private static JObject Operation(string verb, params (string Name, JToken Value)[] extra)
    {
        var operation = new JObject
        {
            ["executable"] = "backup-reconciler",
            ["args"] = new JArray("dsc", verb),
            ["input"] = "stdin",
        };
        foreach (var (name, value) in extra)
        {
            operation[name] = value;
        }

        return operation;
    }

    /// <summary>The JSON Schema (2020-12) of an instance: what goes in, and the read-only state that comes out.</summary>
    public static JObject InstanceSchema() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = ResourceType,
        ["description"] = "A baseline applied to this host (or to a snapshot file standing for a host).",
        ["type"] = "object",
        ["required"] = new JArray("baseline"),
        ["additionalProperties"] = false,
        ["properties"] = new JObject
        {
            ["baseline"] = new JObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "The baseline file (absolute, or relative to DSC's working folder)." },
            ["variables"] = new JObject
            {
                ["type"] = "object",
                ["description"] = "Baseline variables: name to value. A DSC secureString parameter arrives as {\"secureString\": \"...\"} and is masked in every output.",
                ["additionalProperties"] = new JObject
                {
                    ["anyOf"] = new JArray(
                        new JObject { ["type"] = "string" },
                        new JObject { ["type"] = "integer" },
                        new JObject { ["type"] = "boolean" },
                        new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "string" } },
                        new JObject
                        {
                            ["type"] = "object",
                            ["required"] = new JArray("secureString"),
                            ["additionalProperties"] = false,
                            ["properties"] = new JObject { ["secureString"] = new JObject { ["type"] = "string" } },
                        }),
                },
            },
            ["snapshot"] = new JObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "A snapshot file to run against instead of the live host (tests, rehearsals, audits of a capture)." },
            ["resources"] = new JObject
            {
                ["type"] = "array",
                ["readOnly"] = true,
                ["description"] = "Per baseline resource: get gives its actual state; test and set its status and differences, as in the JSON report.",
                ["items"] = new JObject
                {
                    ["type"] = "object",
                    ["required"] = new JArray("id", "type"),
                    ["properties"] = new JObject
                    {
                        ["id"] = new JObject { ["type"] = "string" },
                        ["type"] = new JObject { ["type"] = "string" },
                        ["status"] = new JObject { ["type"] = "string" },
                        ["differences"] = new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "object", ["required"] = new JArray("property"), ["properties"] = new JObject { ["property"] = new JObject { ["type"] = "string" } } } },
                        ["error"] = new JObject { ["type"] = new JArray("string", "null") },
                    },
                },
            },
            // DSC's canonical property, by the reference the manifest schema requires (it is bundled in that schema).
            ["_inDesiredState"] = new JObject
            {
                ["$ref"] = "https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3.1.0/resource/properties/inDesiredState.json",
            },
            ["_restartRequired"] = new JObject
            {
                ["type"] = "array",
                ["readOnly"] = true,
                ["description"] = "Services still to be restarted for the settings to take effect: test, those set would restart now or that wait (backup work running); set and what-if, those it deferred or whose restart failed. A restart set did is no longer required, and set lists _restartRequired among the changed properties.",
                ["items"] = new JObject
                {
                    ["type"] = "object",
                    ["required"] = new JArray("service"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JObject { ["service"] = new JObject { ["type"] = "string" } },
                },
            },
        },
    };

    /// <summary>Where <c>dsc manifest</c> writes by default: beside the executable, where DSC finds it.</summary>
    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, FileName);
}
