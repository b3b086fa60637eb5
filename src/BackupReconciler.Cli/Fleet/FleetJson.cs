using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Fleet;

/// <summary>The fleet view as JSON (<c>fleetVersion: 1</c>): every host named, nothing truncated.</summary>
public static class FleetJson
{
    public static string Render(FleetView view) => Build(view).ToString(Formatting.Indented) + "\n";

    public static JObject Build(FleetView view) => new()
    {
        ["fleetVersion"] = 1,
        ["generatedAt"] = Time(view.GeneratedAt),
        ["staleAfterHours"] = view.StaleAfter.TotalHours,
        ["files"] = view.FilesRead,
        ["summary"] = new JObject(
            new JProperty("hosts", view.Hosts.Count),
            FleetView.Buckets.Select(b => new JProperty(b, view.Count(b))).Concat([new JProperty("stale", view.Hosts.Count(h => h.Stale))])),
        ["roles"] = new JArray(view.Roles.Select(role => new JObject
        {
            ["baseline"] = role.Baseline,
            ["hosts"] = role.HostCount,
            ["resources"] = new JArray(role.Resources.Select(resource => new JObject
            {
                ["id"] = resource.Id,
                ["type"] = resource.Type,
                ["counts"] = new JObject(FleetView.Buckets.Select(b => new JProperty(b, resource.Count(b)))),
                ["hosts"] = new JObject(FleetView.Buckets.Where(b => resource.Count(b) > 0).Select(b => new JProperty(b,
                    b == "other"
                        ? new JArray(resource.In(b).Select(h => new JObject { ["host"] = h.Host, ["status"] = h.Status }))
                        : new JArray(resource.In(b).Select(h => h.Host))))),
            })),
        })),
        ["hosts"] = new JArray(view.Hosts.Select(host => new JObject
        {
            ["host"] = host.Name,
            ["status"] = host.Status,
            ["lastSeen"] = Time(host.LastSeen),
            ["stale"] = host.Stale,
            ["roles"] = new JArray(host.Roles.Select(r => new JObject
            {
                ["baseline"] = r.Baseline,
                ["command"] = r.Command,
                ["status"] = r.Status,
                ["startedAt"] = Time(r.StartedAt),
                ["file"] = r.File,
            })),
        })),
        ["problems"] = new JArray(view.Problems.Select(p => new JObject
        {
            ["file"] = p.File,
            ["kind"] = FleetText.KindName(p.Kind),
            ["detail"] = p.Detail,
        })),
        ["superseded"] = new JArray(view.Superseded),
        ["exitCode"] = FleetReportCommand.ExitCode(view),
    };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
