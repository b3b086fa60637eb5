using System.Globalization;
using System.Xml.Linq;
using BackupReconciler.Engine;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// JUnit XML for build servers: a test case per resource. Drift and manual findings are failures,
/// failed resources are errors, skipped ones are skipped; compliant and changed ones pass.
/// </summary>
public static class JUnitReport
{
    /// <param name="secret">Whether a value's text holds a secret (<see cref="TextStyle.Secret"/>).</param>
    public static string Render(RunResult run, Func<string, bool>? secret = null)
    {
        var s = run.Summary;
        var suite = new XElement("testsuite",
            new XAttribute("name", run.Baseline),
            new XAttribute("hostname", run.Host),
            new XAttribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("tests", s.Total),
            new XAttribute("failures", run.Resources.Count(IsFailure)),
            new XAttribute("errors", s.Failed + s.PredictedFailure),
            new XAttribute("skipped", s.Skipped),
            new XAttribute("time", run.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)),
            run.Resources.Select(r => Case(r, secret)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString() + "\n";
    }

    private static bool IsFailure(ResourceResult resource) =>
        resource.Status is ResourceStatus.Drifted or ResourceStatus.Manual
        || (resource.Status == ResourceStatus.Changed && resource.Differences.Any(d => d.IsManual));

    private static XElement Case(ResourceResult resource, Func<string, bool>? secret)
    {
        var element = new XElement("testcase", new XAttribute("classname", resource.Type), new XAttribute("name", resource.Id));
        // The text report's forms (marks, lists one item a line, sizes in binary units), then why and the manual reasons.
        var width = resource.Differences.Count == 0 ? 0 : resource.Differences.Max(d => d.Property.Length);
        var lines = resource.Differences.SelectMany(d => DifferenceText.Lines(d, width, secret).Select((line, i) => i == 0 ? line : "    " + line))
            .Concat(resource.Differences.Where(d => d.IsManual).Select(d => $"manual, {d.Property}: {d.ManualReason}"))
            .Concat(resource.Why is { } why ? [$"why: {why}"] : []);
        var details = string.Join("\n", lines);
        switch (resource.Status)
        {
            case ResourceStatus.Drifted or ResourceStatus.Manual:
                element.Add(new XElement("failure", new XAttribute("message", StatusNames.Of(resource.Status)), details));
                break;
            case ResourceStatus.Changed when resource.Differences.Any(d => d.IsManual):
                // Changed, but what a person must do is still undone: the case must not pass.
                element.Add(new XElement("failure", new XAttribute("message", "changed, manual steps remain"), details));
                break;
            case ResourceStatus.Failed or ResourceStatus.PredictedFailure:
                element.Add(new XElement("error", new XAttribute("message", resource.Error ?? "failed"), details));
                break;
            case ResourceStatus.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", resource.Error ?? "skipped")));
                break;
            case ResourceStatus.Changed:
                element.Add(new XElement("system-out", "changed:\n" + details));
                break;
            case ResourceStatus.NotUndoable:
                element.Add(new XElement("system-out", "not undoable: " + resource.Error));
                break;
        }

        return element;
    }
}
