using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Fleet;

/// <summary>
/// Reads host reports leniently: only what every report of schema version 1 has (host, baseline,
/// startedAt, resources with id and status) is required; members added later are ignored, and a
/// status this version does not know is kept as written.
/// </summary>
public static class ReportReader
{
    /// <summary>A report holds a few hundred resources at most; far larger files are not reports.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public const int KnownSchemaVersion = 1;

    private static readonly string[] ComplianceCommands = ["test", "plan", "apply", "watch", "undo"];

    public static (HostReport? Report, ReportProblem? Problem) Read(string file)
    {
        JToken token;
        try
        {
            token = JsonFileReader.Read(file, MaxFileBytes);
        }
        catch (InputException e)
        {
            return (null, new ReportProblem(file, ProblemKind.Unreadable, e.Problem));
        }

        if (token is not JObject root)
        {
            return Unreadable(file, $"it holds {JsonObjectReader.Describe(token)}, not a report object");
        }

        if (root["schemaVersion"] is not { Type: JTokenType.Integer } versionToken)
        {
            return Unreadable(file, "it has no schemaVersion: it is not a BackupReconciler JSON report");
        }

        var version = versionToken.Value<long>() is var v and >= int.MinValue and <= int.MaxValue ? (int)v : int.MaxValue;
        var command = root["command"]?.Type == JTokenType.String ? (string)root["command"]! : "";
        if (command is "get" or "snapshot")
        {
            return (null, new ReportProblem(file, ProblemKind.NotACompliance, $"a {command} report has no compliance; run test or apply with --output json"));
        }

        if (String(root, "host") is not { } host || String(root, "baseline") is not { } baseline)
        {
            return Unreadable(file, "it names no host or no baseline");
        }

        if (String(root, "startedAt") is not { } started
            || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var startedAt))
        {
            return Unreadable(file, "its startedAt is missing or not a time");
        }

        if (root["resources"] is not JArray resources)
        {
            return Unreadable(file, "it has no resources list");
        }

        var read = new List<ReportedResource>(resources.Count);
        foreach (var resource in resources)
        {
            if (resource is not JObject item || String(item, "id") is not { } id || String(item, "status") is not { } status)
            {
                return Unreadable(file, $"resource {read.Count + 1} has no id or no status");
            }

            read.Add(new ReportedResource(id, String(item, "type") ?? "", status));
        }

        var duration = root["durationMs"] is { Type: JTokenType.Integer } ms && ms.Value<long>() is var d and >= 0 and < 86_400_000L * 365 ? d : 0;
        var report = new HostReport(file, host, baseline, command.Length == 0 ? "?" : command, startedAt, startedAt.AddMilliseconds(duration), version, read);
        var problem = version != KnownSchemaVersion
            ? new ReportProblem(file, ProblemKind.OtherVersion, $"schemaVersion {version} (this version reads {KnownSchemaVersion}); read as far as it has version {KnownSchemaVersion}'s fields")
            : !ComplianceCommands.Contains(report.Command, StringComparer.Ordinal)
                ? new ReportProblem(file, ProblemKind.OtherVersion, $"command \"{report.Command}\" is not one this version writes; read as a compliance report")
                : null;
        return (report, problem);
    }

    private static (HostReport?, ReportProblem?) Unreadable(string file, string why) => (null, new ReportProblem(file, ProblemKind.Unreadable, why));

    private static string? String(JObject o, string name) => o[name] is { Type: JTokenType.String } t && ((string)t!).Length > 0 ? (string)t! : null;
}
