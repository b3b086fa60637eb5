using System.Globalization;
using System.Text;

namespace BackupReconciler.Cli.Fleet;

/// <summary>The fleet view as Markdown (a wiki page, a pull request, a ticket): tables per role, hosts, problem files.</summary>
public static class FleetMarkdown
{
    public static string Render(FleetView view)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Fleet compliance, {FleetJson.Time(view.GeneratedAt)}\n\n{Cell(FleetText.Summary(view))}\n");
        foreach (var role in view.Roles)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Role {Cell(role.Baseline)} ({role.HostCount} hosts)\n\n");
            md.Append("| resource | type | ").Append(string.Join(" | ", FleetView.Buckets)).Append(" | hosts not compliant |\n");
            md.Append("|---|---|").Append(string.Concat(FleetView.Buckets.Select(_ => "---:|"))).Append("---|\n");
            foreach (var resource in role.Resources)
            {
                var names = FleetView.Buckets.Where(b => b is not ("compliant" or "changed") && resource.Count(b) > 0)
                    .Select(b => $"{b}: {FleetText.Names(FleetText.Listed(resource, b), resource.Count(b))}");
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(resource.Id)} | {Cell(resource.Type)} | ")
                  .Append(string.Join(" | ", FleetView.Buckets.Select(b => resource.Count(b).ToString(CultureInfo.InvariantCulture))))
                  .Append(CultureInfo.InvariantCulture, $" | {Cell(string.Join("; ", names))} |\n");
            }
        }

        md.Append("\n## Hosts\n\n| host | status | last seen | stale | roles |\n|---|---|---|---|---|\n");
        foreach (var host in view.Hosts)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(host.Name)} | {host.Status} | {FleetJson.Time(host.LastSeen)} | {(host.Stale ? "**stale**" : "")} | {Cell(string.Join(", ", host.Roles.Select(r => $"{r.Baseline} {r.Status}")))} |\n");
        }

        if (view.Problems.Count > 0)
        {
            md.Append("\n## Files not read as reports of this version\n\n| file | problem | detail |\n|---|---|---|\n");
            foreach (var problem in view.Problems)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(problem.File)} | {FleetText.KindName(problem.Kind)} | {Cell(problem.Detail)} |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>Text made safe inside a table cell: pipes escaped, line breaks and Markdown/HTML markup neutralised.</summary>
    public static string Cell(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#':
                    safe.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    safe.Append(' ');
                    break;
                default:
                    safe.Append(c);
                    break;
            }
        }

        return safe.ToString();
    }
}
