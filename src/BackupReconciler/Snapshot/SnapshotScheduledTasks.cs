using BackupReconciler.Host;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// The snapshot's <c>scheduledTasks</c> section: full task paths (case-insensitive, as Task Scheduler
/// treats them) mapping to <c>{ enabled, runAs }</c>.
/// </summary>
public sealed class SnapshotScheduledTasks : IScheduledTasks, ISnapshotSection
{
    private readonly Dictionary<string, ScheduledTaskInfo> _tasks = new(StringComparer.OrdinalIgnoreCase);
    private readonly FaultInjector _faults;

    public SnapshotScheduledTasks(FaultInjector faults)
    {
        _faults = faults;
    }

    public string Name => "scheduledTasks";

    public bool Changed { get; private set; }

    public void Load(JToken section, string file)
    {
        var reader = JsonObjectReader.ForObject(section, file, "the \"scheduledTasks\" section");
        foreach (var property in reader.Json.Properties())
        {
            if (!ScheduledTaskPath.IsTask(property.Name))
            {
                throw reader.Error(property, $"\"{property.Name}\" is not a task path; give the folder and name from the root, such as \"\\\\Microsoft\\\\OnlineBackup\\\\Microsoft-OnlineBackup\".");
            }

            var task = JsonObjectReader.ForObject(property.Value, file, $"task \"{property.Name}\"");
            var info = new ScheduledTaskInfo(
                property.Name,
                task.OptionalBool("enabled") ?? true,
                task.OptionalString("runAs") ?? @"NT AUTHORITY\SYSTEM");
            task.RejectUnknownMembers();
            if (!_tasks.TryAdd(property.Name, info))
            {
                throw reader.Error(property, $"the task \"{property.Name}\" appears twice (task paths ignore case); keep one.");
            }
        }
    }

    public JToken Save() =>
        new JObject(_tasks.Values.Select(t => new JProperty(t.FullPath, new JObject { ["enabled"] = t.Enabled, ["runAs"] = t.RunAs })));

    public ScheduledTaskInfo? Find(string fullPath)
    {
        _faults.Check(FaultOperation.Read, "task:" + fullPath);
        return _tasks.GetValueOrDefault(fullPath);
    }

    public void SetEnabled(string fullPath, bool enabled)
    {
        _faults.Check(FaultOperation.Set, "task:" + fullPath);
        if (!_tasks.TryGetValue(fullPath, out var task))
        {
            throw new HostOperationException("The system cannot find the file specified. (0x80070002)");
        }

        _tasks[task.FullPath] = task with { Enabled = enabled };
        Changed = true;
    }
}
