using System.Globalization;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Reports;

/// <summary>The stable machine-readable report (DESIGN §6, schemaVersion 1).</summary>
public static class JsonReport
{
    public static string Render(RunResult run, int exitCode) => Build(run, exitCode).ToString(Formatting.Indented) + "\n";

    public static JObject Build(RunResult run, int exitCode) => new()
    {
        ["schemaVersion"] = 1,
        ["command"] = run.Command,
        ["runId"] = run.RunId,
        ["whatIf"] = run.WhatIf,
        ["baseline"] = run.Baseline,
        ["host"] = run.Host,
        ["startedAt"] = run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["durationMs"] = (long)run.Duration.TotalMilliseconds,
        ["resources"] = new JArray(run.Resources.Select(r => new JObject
        {
            ["id"] = r.Id,
            ["type"] = r.Type,
            ["status"] = StatusNames.Of(r.Status),
            ["why"] = r.Why,
            ["reference"] = ReferenceJson.Of(r.Reference),
            ["differences"] = new JArray(r.Differences.Select(DifferenceJson.Of)),
            ["error"] = r.Error,
        })),
        ["restarts"] = new JArray(run.Restarts.Select(r => new JObject
        {
            ["service"] = r.Service,
            ["status"] = StatusNames.Of(r.Status),
            ["reason"] = r.Reason,
            ["error"] = r.Error,
            ["waiting"] = r.Waiting,
            ["running"] = new JArray(r.Running.Cast<object>().ToArray()),
        })),
        ["manualSteps"] = new JArray(run.ManualSteps.Select(m => new JObject
        {
            ["resource"] = m.Resource,
            ["step"] = m.Step,
        })),
        ["notices"] = new JArray(run.Notices.Cast<object>().ToArray()),
        ["summary"] = new JObject
        {
            ["total"] = run.Summary.Total,
            ["compliant"] = run.Summary.Compliant,
            ["drifted"] = run.Summary.Drifted,
            ["changed"] = run.Summary.Changed,
            ["manual"] = run.Summary.Manual,
            ["failed"] = run.Summary.Failed,
            ["skipped"] = run.Summary.Skipped,
            ["predictedFailure"] = run.Summary.PredictedFailure,
            ["notUndoable"] = run.Summary.NotUndoable,
        },
        ["exitCode"] = exitCode,
    };
}
