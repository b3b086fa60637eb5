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
    public static string Render(RunResult run)
    {
        var s = run.Summary;
        var suite = new XElement("testsuite",
            new XAttribute("name", run.Baseline),
            new XAttribute("hostname", run.Host),
            new XAttribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("tests", s.Total),
            new XAttribute("failures", s.Drifted + s.Manual),
            new XAttribute("errors", s.Failed),
            new XAttribute("skipped", s.Skipped),
            new XAttribute("time", run.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)),
            run.Resources.Select(Case));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString() + "\n";
    }

    private static XElement Case(ResourceResult resource)
    {
        var element = new XElement("testcase", new XAttribute("classname", resource.Type), new XAttribute("name", resource.Id));
        var details = string.Join("\n", resource.Differences.Select(d => $"{d.Property}: {ValueText.Format(d.Actual)} → {ValueText.Format(d.Desired)}"));
        switch (resource.Status)
        {
            case ResourceStatus.Drifted or ResourceStatus.Manual:
                element.Add(new XElement("failure", new XAttribute("message", StatusNames.Of(resource.Status)), details));
                break;
            case ResourceStatus.Failed:
                element.Add(new XElement("error", new XAttribute("message", resource.Error ?? "failed"), details));
                break;
            case ResourceStatus.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", resource.Error ?? "skipped")));
                break;
            case ResourceStatus.Changed:
                element.Add(new XElement("system-out", "changed:\n" + details));
                break;
        }

        return element;
    }
}
