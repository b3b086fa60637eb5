namespace BackupReconciler.Cli.Schedule;

/// <summary>
/// Registers the event log source the scheduled runs write under (<c>BackupReconciler</c>, Application log),
/// which needs the administrator rights <c>schedule install</c> runs with and the runs as SYSTEM do not need
/// to have. The live implementation belongs to the event log sink (src/BackupReconciler.Windows/EventLog);
/// until it is wired in, <c>schedule install</c> says the source was not registered.
/// </summary>
public interface IEventSourceRegistrar
{
    /// <summary>Whether <paramref name="source"/> is registered (in any log: a source name is unique on a machine).</summary>
    bool IsRegistered(string source);

    void Register(string source, string log);
}
