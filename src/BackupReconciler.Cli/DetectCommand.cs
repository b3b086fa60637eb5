using System.Globalization;
using System.Text;
using BackupReconciler.Detect;
using BackupReconciler.Engine;
using BackupReconciler.Host;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli;

/// <summary>
/// <c>detect [--snapshot FILE] [--output text|json]</c>: which shipped role baselines apply to the host, each with
/// its evidence, so a build pipeline can pick them. Exit 0 when every role could be told, 4 when one could not.
/// </summary>
internal static class DetectCommand
{
    public static (string Report, int ExitCode) Run(CliOptions options, IHost host)
    {
        var findings = new RoleDetector(host).Detect();
        var exit = findings.Any(f => f.Applies is null) ? ExitCodes.Failures : ExitCodes.NoChanges;
        return (options.Output == OutputFormat.Json ? Json(host, findings, exit) : Text(host, findings), exit);
    }

    private static string Json(IHost host, IReadOnlyList<RoleFinding> findings, int exit) => new JObject
    {
        ["schemaVersion"] = 1,
        ["command"] = "detect",
        ["host"] = host.ComputerName,
        ["roles"] = new JArray(findings.Select(f => new JObject
        {
            ["role"] = f.Role,
            ["baseline"] = f.Baseline,
            ["description"] = f.Description,
            ["applies"] = f.Applies,
            ["evidence"] = new JArray(f.Evidence.Cast<object>().ToArray()),
            ["error"] = f.Error,
        })),
        ["applies"] = new JArray(findings.Where(f => f.Applies == true).Select(f => f.Baseline).Cast<object>().ToArray()),
        ["exitCode"] = exit,
    }.ToString(Formatting.Indented) + "\n";

    private static string Text(IHost host, IReadOnlyList<RoleFinding> findings)
    {
        var text = new StringBuilder();
        var applying = findings.Count(f => f.Applies == true);
        text.Append(CultureInfo.InvariantCulture, $"{host.ComputerName}: {applying} of {findings.Count} role baselines apply\n");
        foreach (var finding in findings)
        {
            var mark = finding.Applies switch { true => '✓', false => '·', null => '?' };
            text.Append(CultureInfo.InvariantCulture, $"{mark} {finding.Role} ({finding.Description}) — {finding.Baseline}{(finding.Applies == true ? "" : finding.Applies == false ? ": does not apply" : ": unknown")}\n");
            foreach (var evidence in finding.Evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {evidence}\n");
            }

            if (finding.Error is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {finding.Error}\n");
            }
        }

        return text.ToString();
    }
}
