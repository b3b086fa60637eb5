using Newtonsoft.Json.Linq;
using BackupReconciler.Host;

namespace BackupReconciler.Resources.ScheduledTask;

/// <summary>
/// A task the owning product registered (seed 003: the MARS agent's Microsoft-OnlineBackup): enabled or
/// disabled as declared. <see cref="RunAs"/> lists the accounts the task may run as; it is only audited,
/// because the credentials belong to the product that registered the task.
/// </summary>
public sealed record ScheduledTaskResource(string FullPath, bool? Enabled, IReadOnlyList<string>? RunAs)
    : Resource<ScheduledTaskActual>, IClaimsSettings
{
    public IEnumerable<SettingClaim> Claims =>
        Enabled is { } enabled ? [SettingClaim.Of($"task|{FullPath}|enabled", $"whether the scheduled task \"{FullPath}\" is enabled", enabled)] : [];

    public override string TypeName => ScheduledTaskResourceType.TypeName;

    public override ScheduledTaskActual Read(IHost host) =>
        new(host.ScheduledTasks.Find(FullPath) ?? throw new HostOperationException(
            $"the scheduled task \"{FullPath}\" does not exist on {host.ComputerName}; this tool only enables or disables a task its product registered "
            + "(the MARS agent registers Microsoft-OnlineBackup): reinstall or re-register that product, or correct \"path\" and \"name\"."));

    public override IReadOnlyList<Difference> Compare(ScheduledTaskActual actual, IHost host)
    {
        var task = actual.Task;
        var differences = new List<Difference>();
        if (Enabled is { } enabled && enabled != task.Enabled)
        {
            differences.Add(Difference.Of("enabled", DifferenceValue.Flag(task.Enabled), DifferenceValue.Flag(enabled)));
        }

        if (RunAs is not null && !RunAs.Any(account => PrincipalName.AreSame(account, task.RunAs, host.ComputerName)))
        {
            differences.Add(Difference.Manual("runAs", DifferenceValue.Text(task.RunAs), DifferenceValue.Text(string.Join(" or ", RunAs)),
                $"set the account in Task Scheduler (task \"{FullPath}\", General tab, \"When running the task, use the following user account\"): "
                + "the task's credentials belong to the product that registered it, so this tool never changes them"));
        }

        return differences;
    }

    public override UndoStep UndoOf(ScheduledTaskActual actual, IReadOnlyList<Difference> changes)
    {
        var split = FullPath.LastIndexOf('\\');
        return UndoStep.With(ScheduledTaskResourceType.TypeName, new JObject
        {
            ["path"] = FullPath[..(split + 1)],
            ["name"] = FullPath[(split + 1)..],
            ["enabled"] = changes.Single(c => c.Property == "enabled").Actual?.ToJson(),
        });
    }

    public override void Apply(IHost host, ScheduledTaskActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.Any(c => c.Property == "enabled"))
        {
            host.ScheduledTasks.SetEnabled(FullPath, Enabled!.Value);
        }
    }
}
