using BackupReconciler.Host.ScheduledTasks;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.ScheduledTask;

/// <summary>What <c>get</c> shows for a scheduled task.</summary>
public sealed record ScheduledTaskActual(ScheduledTaskInfo Task) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Task.FullPath,
        ["enabled"] = Task.Enabled,
        ["runAs"] = Task.RunAs,
    };
}
