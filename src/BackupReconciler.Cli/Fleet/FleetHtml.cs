using System.Globalization;
using System.Net;

namespace BackupReconciler.Cli.Fleet;

/// <summary>
/// The fleet view as one self-contained HTML file: inline styles, no scripts, no fonts or images, and a
/// Content-Security-Policy that forbids loading anything, so it opens the same from a file share, a mail
/// attachment or an air-gapped admin box. Host lists fold into details elements.
/// </summary>
public static class FleetHtml
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em}
        th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .failed{background:#f8d7da}.drifted{background:#fff3cd}.manual{background:#e2e3f5}.other{background:#e8e8e8}.stale{font-weight:bold;color:#a00}
        details summary{cursor:pointer}
        """;

    public static string Render(FleetView view)
    {
        var html = Reports.SelfContainedHtml.Begin($"Fleet compliance {FleetJson.Time(view.GeneratedAt)}", Style)
            .Append(CultureInfo.InvariantCulture, $"<h1>Fleet compliance</h1>\n<p id=\"summary\">{E(FleetText.Summary(view))}</p>\n");
        html.Append("<table id=\"totals\"><tr><th>hosts</th>").Append(string.Concat(FleetView.Buckets.Select(b => $"<th>{b}</th>"))).Append("<th>stale</th></tr>\n<tr>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"n\" data-bucket=\"hosts\">{view.Hosts.Count}</td>")
            .Append(string.Concat(FleetView.Buckets.Select(b => $"<td class=\"n\" data-bucket=\"{b}\">{view.Count(b)}</td>")))
            .Append(CultureInfo.InvariantCulture, $"<td class=\"n\" data-bucket=\"stale\">{view.Hosts.Count(h => h.Stale)}</td></tr></table>\n");

        foreach (var role in view.Roles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Role {E(role.Baseline)} ({role.HostCount} hosts)</h2>\n<table class=\"role\" data-role=\"{E(role.Baseline)}\">\n<tr><th>resource</th><th>type</th>")
                .Append(string.Concat(FleetView.Buckets.Select(b => $"<th>{b}</th>"))).Append("<th>hosts</th></tr>\n");
            foreach (var resource in role.Resources)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"resource\" data-id=\"{E(resource.Id)}\"><td>{E(resource.Id)}</td><td>{E(resource.Type)}</td>");
                foreach (var bucket in FleetView.Buckets)
                {
                    var count = resource.Count(bucket);
                    var mark = count > 0 && bucket is "failed" or "drifted" or "manual" or "other" ? $" {bucket}" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"n{mark}\" data-bucket=\"{bucket}\">{count}</td>");
                }

                html.Append("<td>");
                foreach (var bucket in FleetView.Buckets.Where(b => resource.Count(b) > 0 && b is not ("compliant" or "changed")))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<details><summary>{bucket} ({resource.Count(bucket)})</summary>{E(string.Join(", ", FleetText.Listed(resource, bucket)))}</details>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Hosts</h2>\n<table id=\"hosts\">\n<tr><th>host</th><th>status</th><th>last seen</th><th>roles</th></tr>\n");
        foreach (var host in view.Hosts)
        {
            var stale = host.Stale ? " <span class=\"stale\">stale</span>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"host\" data-status=\"{host.Status}\"{(host.Stale ? " data-stale=\"true\"" : "")}><td>{E(host.Name)}</td><td class=\"{host.Status}\">{host.Status}</td><td>{FleetJson.Time(host.LastSeen)}{stale}</td><td>{E(string.Join(", ", host.Roles.Select(r => $"{r.Baseline} {r.Status}")))}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (view.Problems.Count > 0)
        {
            html.Append("<h2>Files not read as reports of this version</h2>\n<table id=\"problems\">\n<tr><th>file</th><th>problem</th><th>detail</th></tr>\n");
            foreach (var problem in view.Problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"problem\"><td>{E(problem.File)}</td><td>{FleetText.KindName(problem.Kind)}</td><td>{E(problem.Detail)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
