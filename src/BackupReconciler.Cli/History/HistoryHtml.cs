using System.Globalization;
using System.Net;

namespace BackupReconciler.Cli.History;

/// <summary>
/// The drift history as one self-contained HTML file, like the fleet report: inline styles, no scripts, fonts
/// or images, and a Content-Security-Policy that forbids loading anything. Each setting has a timeline of
/// the window with a mark per correction (red when fought over) and an open square per undo; every mark's
/// run and time are also written out below it, so nothing is only in a tooltip.
/// </summary>
public static class HistoryHtml
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%;table-layout:fixed}
        th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.fought td.flag{background:#f8d7da;font-weight:bold;color:#842029}
        .timeline{position:relative;height:22px;min-width:320px;margin:.2em 0;background:linear-gradient(#999,#999) 0 50%/100% 2px no-repeat}
        .mark{position:absolute;top:3px;width:8px;height:14px;margin-left:-4px;background:#0d6efd;border-radius:2px}
        tr.fought .mark.correction{background:#dc3545}
        .mark.undo{background:#fff;border:2px solid #6c757d;width:6px;height:10px}
        .axis{display:flex;justify-content:space-between;font-size:12px;color:#666}
        ul.changes{margin:.2em 0 0 1em;padding:0;font-size:12px;overflow-wrap:anywhere}
        td.when{white-space:nowrap;font-size:12px}
        td.name{overflow-wrap:anywhere}
        code{font-size:12px}
        """;

    public static string Render(DriftHistory history)
    {
        var html = Reports.SelfContainedHtml.Begin($"Drift history {HistoryText.Time(history.To)}", Style)
            .Append(CultureInfo.InvariantCulture, $"<h1>Drift history</h1>\n<p id=\"summary\">{E(HistoryText.Summary(history))}</p>\n");
        if (history.Settings.Count == 0)
        {
            html.Append("<p id=\"none\">No setting was corrected in this window.</p>\n");
        }
        else
        {
            html.Append("<table id=\"settings\">\n<colgroup><col style=\"width:21%\"><col style=\"width:7%\"><col style=\"width:7%\"><col style=\"width:16%\"><col style=\"width:8%\"><col></colgroup>\n<tr><th>setting</th><th>host</th><th>corrected</th><th>last corrected (run)</th><th>fought over</th><th>timeline ")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"axis\"><span>{HistoryText.Time(history.From)}</span><span>{HistoryText.Time(history.To)}</span></div></th></tr>\n");
            foreach (var s in history.Settings)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr class=\"setting{(s.FoughtOver ? " fought" : "")}\" data-host=\"{E(s.Host)}\" data-baseline=\"{E(s.Baseline)}\" data-resource=\"{E(s.Resource)}\" data-property=\"{E(s.Property)}\" data-corrected=\"{s.CorrectingRuns}\" data-fought-over=\"{(s.FoughtOver ? "true" : "false")}\">")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"name\">{E(s.Name)} <small>({E(s.Type)})</small></td><td>{E(s.Host)}</td><td class=\"n\">{s.CorrectingRuns}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"when\">{(s.Last is { } last ? $"{HistoryText.Time(last.Time)}<br>run {E(last.RunId)}" : "")}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"flag\">{(s.FoughtOver ? $"yes: {s.CorrectingRuns} runs" : "no")}</td><td><div class=\"timeline\">");
                foreach (var (change, kind) in s.Corrections.Select(c => (c, "correction")).Concat(s.Undos.Select(u => (u, "undo"))).OrderBy(m => m.Item1.Time))
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<span class=\"mark {kind}\" style=\"left:{Position(history, change.Time):0.##}%\" title=\"{E($"{HistoryText.Time(change.Time)} run {change.RunId} ({change.Command})")}\"></span>");
                }

                html.Append("</div><ul class=\"changes\">");
                foreach (var change in s.Corrections.Concat(s.Undos).OrderBy(c => c.Time))
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<li>{HistoryText.Time(change.Time)} run {E(change.RunId)} ({E(change.Command)}): <code>{E(change.Previous)}</code> → <code>{E(change.Intended)}</code></li>");
                }

                html.Append("</ul></td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (history.Problems.Count > 0)
        {
            html.Append("<h2>Journals not fully read</h2>\n<ul id=\"problems\">\n");
            foreach (var problem in history.Problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"problem\">{E(problem)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Where a moment falls on the window, in percent (0 at the window's start, 100 at its end).</summary>
    private static double Position(DriftHistory history, DateTimeOffset at)
    {
        var span = (history.To - history.From).TotalSeconds;
        return span <= 0 ? 100 : Math.Clamp((at - history.From).TotalSeconds / span * 100, 0, 100);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
