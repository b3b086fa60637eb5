using System.Xml;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>
/// The snapshot's <c>scheduledTasks</c> section: full task paths (case-insensitive, as Task Scheduler
/// treats them) mapping to <c>{ enabled, runAs }</c>, and for a task that runs a program on an interval
/// (as <c>schedule install</c> registers it) its <c>description</c>, <c>action</c>, <c>trigger</c> and
/// <c>settings</c> (docs/snapshot-format.md). Durations are Task Scheduler's own ISO 8601 text (PT30M).
/// </summary>
public sealed class SnapshotScheduledTasks(FaultInjector faults) : SnapshotSection("scheduledTasks", faults, Faults), IScheduledTasks, IScheduledTaskRegistration
{
    public static readonly FaultKind Faults = FaultKind.Named("task", "path", 6);

    /// <summary>What a task without these members has: Task Scheduler's defaults for a new task.</summary>
    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromHours(72);

    private static readonly EnumNames<TaskOverlap> Overlaps = new(
        ("IgnoreNew", TaskOverlap.IgnoreNew), ("Parallel", TaskOverlap.Parallel), ("Queue", TaskOverlap.Queue), ("StopExisting", TaskOverlap.StopExisting));

    private readonly Dictionary<string, ScheduledTaskDefinition> _tasks = new(StringComparer.OrdinalIgnoreCase);

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            if (!ScheduledTaskPath.IsTask(property.Name))
            {
                throw reader.Error(property, $"\"{property.Name}\" is not a task path; give the folder and name from the root, such as \"\\\\Microsoft\\\\OnlineBackup\\\\Microsoft-OnlineBackup\".");
            }

            var task = JsonObjectReader.ForObject(property.Value, file, $"task \"{property.Name}\"");
            var action = task.OptionalObject("action", $"the action of task \"{property.Name}\"");
            var trigger = task.OptionalObject("trigger", $"the trigger of task \"{property.Name}\"");
            var settings = task.OptionalObject("settings", $"the settings of task \"{property.Name}\"");
            var definition = new ScheduledTaskDefinition(
                property.Name,
                task.OptionalString("description") ?? "",
                action?.RequiredString("command") ?? "",
                action?.OptionalString("arguments") ?? "",
                Duration(trigger, "every") ?? TimeSpan.Zero,
                Duration(trigger, "randomDelay") ?? TimeSpan.Zero,
                Duration(settings, "executionTimeLimit") ?? DefaultTimeLimit,
                task.OptionalString("runAs") ?? @"NT AUTHORITY\SYSTEM",
                settings?.OptionalEnum("multipleInstances", Overlaps) ?? TaskOverlap.IgnoreNew,
                settings?.OptionalBool("startWhenAvailable") ?? false,
                task.OptionalBool("enabled") ?? true);
            action?.RejectUnknownMembers();
            trigger?.RejectUnknownMembers();
            settings?.RejectUnknownMembers();
            task.RejectUnknownMembers();
            if (!_tasks.TryAdd(property.Name, definition))
            {
                throw reader.Error(property, $"the task \"{property.Name}\" appears twice (task paths ignore case); keep one.");
            }
        }
    }

    protected override JToken Write(bool sorted) => new JObject(InOrder(_tasks.Values, t => t.FullPath, sorted).Select(t => new JProperty(t.FullPath, Write(t))));

    /// <summary>Records a task a capture found: what <see cref="IScheduledTasks"/> reads of it, with Task Scheduler's defaults for the rest.</summary>
    internal void RecordTask(ScheduledTaskInfo task)
    {
        _tasks[task.FullPath] = new ScheduledTaskDefinition(task.FullPath, "", "", "", TimeSpan.Zero, TimeSpan.Zero, DefaultTimeLimit, task.RunAs, TaskOverlap.IgnoreNew, false, task.Enabled);
        MarkRecorded();
    }

    public ScheduledTaskInfo? Find(string fullPath)
    {
        CheckRead(fullPath);
        return _tasks.GetValueOrDefault(fullPath) is { } task ? new ScheduledTaskInfo(task.FullPath, task.Enabled, task.RunAs) : null;
    }

    public void SetEnabled(string fullPath, bool enabled)
    {
        CheckSet(fullPath);
        if (!_tasks.TryGetValue(fullPath, out var task))
        {
            throw new HostOperationException("The system cannot find the file specified. (0x80070002)");
        }

        _tasks[task.FullPath] = task with { Enabled = enabled };
        MarkChanged();
    }

    public ScheduledTaskDefinition? ReadDefinition(string fullPath)
    {
        CheckRead(fullPath);
        return _tasks.GetValueOrDefault(fullPath);
    }

    public void Register(ScheduledTaskDefinition definition)
    {
        CheckSet(definition.FullPath);
        // Task Scheduler keeps the path as first registered; so does the section.
        var path = _tasks.TryGetValue(definition.FullPath, out var existing) ? existing.FullPath : definition.FullPath;
        _tasks[path] = definition with { FullPath = path };
        MarkChanged();
    }

    public bool Delete(string fullPath)
    {
        CheckSet(fullPath);
        if (!_tasks.Remove(fullPath))
        {
            return false;
        }

        MarkChanged();
        return true;
    }

    /// <summary>A task as the section holds it: what was given stays, and a program-running task keeps its whole definition.</summary>
    private static JObject Write(ScheduledTaskDefinition task)
    {
        var json = new JObject { ["enabled"] = task.Enabled, ["runAs"] = task.RunAs };
        if (task.Description.Length > 0)
        {
            json["description"] = task.Description;
        }

        if (task.Command.Length > 0)
        {
            json["action"] = new JObject { ["command"] = task.Command, ["arguments"] = task.Arguments };
        }

        if (task.Every != TimeSpan.Zero || task.RandomDelay != TimeSpan.Zero)
        {
            json["trigger"] = new JObject { ["every"] = XmlConvert.ToString(task.Every), ["randomDelay"] = XmlConvert.ToString(task.RandomDelay) };
        }

        if (task.Overlap != TaskOverlap.IgnoreNew || task.ExecutionTimeLimit != DefaultTimeLimit || task.StartWhenAvailable)
        {
            json["settings"] = new JObject
            {
                ["multipleInstances"] = Overlaps.NameOf(task.Overlap),
                ["executionTimeLimit"] = XmlConvert.ToString(task.ExecutionTimeLimit),
                ["startWhenAvailable"] = task.StartWhenAvailable,
            };
        }

        return json;
    }

    private static TimeSpan? Duration(JsonObjectReader? reader, string name)
    {
        if (reader?.Optional(name) is not { } token)
        {
            return null;
        }

        var text = reader.AsString(token, name);
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw reader.Error(token, $"\"{name}\" is \"{text}\", not a duration as Task Scheduler writes one; use ISO 8601, such as \"PT30M\" or \"PT2H\".");
        }
    }
}
