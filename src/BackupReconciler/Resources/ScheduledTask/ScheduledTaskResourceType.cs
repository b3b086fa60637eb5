using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.ScheduledTask;

/// <summary>Reads <c>scheduledTask</c> resources: <c>path</c>, <c>name</c>, and at least one of <c>enabled</c> and <c>runAs</c>.</summary>
public sealed class ScheduledTaskResourceType : IResourceType
{
    public const string TypeName = "scheduledTask";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var folder = properties.RequiredString("path");
        if (!ScheduledTaskPath.IsFolder(folder))
        {
            throw properties.Error(properties.Json["path"],
                $"\"path\" of {properties.Subject} is \"{folder}\"; give the task's folder from the root, such as \"\\\\Microsoft\\\\OnlineBackup\\\\\" (\"\\\\\" for the root folder).");
        }

        var name = properties.RequiredString("name");
        if (name.Contains('\\', StringComparison.Ordinal))
        {
            throw properties.Error(properties.Json["name"],
                $"\"name\" of {properties.Subject} is \"{name}\"; give the task's name alone, such as \"Microsoft-OnlineBackup\", and its folder in \"path\".");
        }

        var enabled = properties.OptionalBool("enabled");
        var runAs = properties.OptionalStringList("runAs");
        properties.RejectUnknownMembers();
        if (runAs is { Count: 0 })
        {
            throw properties.Error(properties.Json["runAs"], $"\"runAs\" of {properties.Subject} is empty; name the accounts the task may run as, such as [\"SYSTEM\", \"BUILTIN\\\\Administrators\"], or remove it.");
        }

        if (enabled is null && runAs is null)
        {
            throw properties.Error(null, $"{properties.Subject} declares nothing to manage; add \"enabled\" or \"runAs\".");
        }

        return new ScheduledTaskResource(ScheduledTaskPath.Combine(folder, name), enabled, runAs);
    }
}
