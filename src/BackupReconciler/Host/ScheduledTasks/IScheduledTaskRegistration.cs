namespace BackupReconciler.Host.ScheduledTasks;

/// <summary>
/// Registering the task that runs this tool on a schedule (<c>schedule install|show|remove</c>): a port of its
/// own beside <see cref="IScheduledTasks"/>, which resources use and which never creates tasks. Live, it is
/// Task Scheduler's COM API; in a snapshot, the task's entry in the <c>scheduledTasks</c> section.
/// </summary>
public interface IScheduledTaskRegistration
{
    /// <summary>The task at <paramref name="fullPath"/> as far as a <see cref="ScheduledTaskDefinition"/> describes it, or null when none is registered.</summary>
    ScheduledTaskDefinition? ReadDefinition(string fullPath);

    /// <summary>Registers <paramref name="definition"/>, replacing a task of that path.</summary>
    void Register(ScheduledTaskDefinition definition);

    /// <summary>Deletes the task; false when there was none.</summary>
    bool Delete(string fullPath);
}
