using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>
/// The jobs of an instance as far as the resource cares: the DPM jobs it selected (with the
/// TriggerJob.exe path each runs) and the paths found missing. <c>get</c> shows counts and groups,
/// not thousands of job objects.
/// </summary>
public sealed record SqlAgentJobsActual(
    string Instance,
    int AllJobs,
    int DpmJobs,
    IReadOnlyList<SelectedJob> Selected,
    bool FilesSeen,
    IReadOnlyList<string> MissingPaths) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["instance"] = Instance,
        ["jobs"] = AllJobs,
        ["dpmJobs"] = DpmJobs,
        ["selectedJobs"] = Selected.Count,
        ["disabledJobs"] = new JArray(Selected.Where(j => !j.Job.Enabled).Select(j => j.Job.Name).Order(StringComparer.OrdinalIgnoreCase)),
        ["owners"] = CountBy(j => j.Job.Owner),
        ["triggerJobPaths"] = CountBy(j => j.Program),
        ["missingTriggerJobPaths"] = FilesSeen ? new JArray(MissingPaths) : null,
    };

    private JObject CountBy(Func<SelectedJob, string> key) =>
        new(Selected
            .GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new JProperty(g.Key, g.Count())));
}
