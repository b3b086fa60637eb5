using System.Globalization;
using System.Text;

namespace BackupReconciler.Cli.Fleet;

/// <summary>The fleet view for a terminal: counts per role and resource, the hosts needing attention, the problem files.</summary>
public static class FleetText
{
    /// <summary>Host names shown per cell in text and Markdown; the JSON and HTML views name every host.</summary>
    public const int NamesShown = 20;

    public static string KindName(ProblemKind kind) => kind switch
    {
        ProblemKind.Unreadable => "unreadable",
        ProblemKind.OtherVersion => "other version",
        _ => "not a compliance report",
    };

    public static bool NeedsAttention(FleetHost host) => host.Stale || host.Status is not ("compliant" or "changed");

    public static string Summary(FleetView view)
    {
        var counts = string.Join(", ", FleetView.Buckets.Where(b => view.Count(b) > 0 || b is "compliant" or "drifted" or "failed").Select(b => $"{view.Count(b)} {b}"));
        var problems = view.Problems.GroupBy(p => p.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {KindName(g.Key)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{view.Hosts.Count} hosts ({counts}), {view.Hosts.Count(h => h.Stale)} stale (no report for {Hours(view.StaleAfter)}) · {view.FilesRead} files read, {view.Superseded.Count} superseded{string.Concat(problems.Select(p => ", " + p))}");
    }

    public static string Hours(TimeSpan span) => span.TotalHours % 24 == 0 ? $"{span.TotalDays:0}d" : $"{span.TotalHours:0.#}h";

    public static string Names(IEnumerable<string> names, int total)
    {
        var shown = names.Take(NamesShown).ToList();
        return string.Join(", ", shown) + (total > shown.Count ? $" … and {total - shown.Count} more" : "");
    }

    public static IEnumerable<string> Listed(FleetResource resource, string bucket) =>
        resource.In(bucket).Select(h => bucket == "other" ? $"{h.Host} ({h.Status})" : h.Host);

    public static string Render(FleetView view)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"fleet compliance at {FleetJson.Time(view.GeneratedAt)}: {Summary(view)}\n");
        foreach (var role in view.Roles)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nrole {role.Baseline} ({role.HostCount} hosts)\n");
            var width = Math.Max(8, role.Resources.Count == 0 ? 0 : role.Resources.Max(r => r.Id.Length));
            text.Append("  ").Append("resource".PadRight(width)).Append(string.Concat(FleetView.Buckets.Select(b => " " + b.PadLeft(9)))).Append('\n');
            foreach (var resource in role.Resources)
            {
                text.Append("  ").Append(resource.Id.PadRight(width));
                text.Append(string.Concat(FleetView.Buckets.Select(b => " " + resource.Count(b).ToString(CultureInfo.InvariantCulture).PadLeft(9)))).Append('\n');
                foreach (var bucket in FleetView.Buckets.Where(b => b is not ("compliant" or "changed") && resource.Count(b) > 0))
                {
                    text.Append(CultureInfo.InvariantCulture, $"      {bucket}: {Names(Listed(resource, bucket), resource.Count(bucket))}\n");
                }
            }
        }

        var attention = view.Hosts.Where(NeedsAttention).ToList();
        text.Append(CultureInfo.InvariantCulture, $"\nhosts needing attention: {attention.Count} (the other {view.Hosts.Count - attention.Count} are compliant and seen within {Hours(view.StaleAfter)})\n");
        foreach (var host in attention)
        {
            var roles = string.Join(", ", host.Roles.Select(r => $"{r.Baseline} {r.Status}"));
            text.Append(CultureInfo.InvariantCulture, $"  {host.Name}  {host.Status}  last seen {FleetJson.Time(host.LastSeen)}{(host.Stale ? " STALE" : "")}  ({roles})\n");
        }

        if (view.Problems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nfiles not read as reports of this version: {view.Problems.Count}\n");
            foreach (var problem in view.Problems)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {problem.File}: {KindName(problem.Kind)}: {problem.Detail}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"exit {FleetReportCommand.ExitCode(view)}\n");
        return text.ToString();
    }
}
