using BackupReconciler.Baselines;
using BackupReconciler.Resources;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// What an applying run records so that nothing it does is lost or unexplained: each change's
/// actual and desired values (the report's words) before it is made, its outcome after.
/// </summary>
public interface IRunJournal
{
    void Started(string runId, string command, string baseline, string host, DateTimeOffset at);

    /// <summary>
    /// Called before the host is touched, with how to take the change back; the implementation must have
    /// it on disk when it returns.
    /// </summary>
    void BeforeChange(ResourceDeclaration declaration, IReadOnlyList<Difference> changes, UndoStep undo);

    void AfterChange(ResourceDeclaration declaration, ResourceStatus outcome, string? error);

    void Restarted(RestartResult restart);

    void Finished(RunResult result);
}

/// <summary>For what-if runs, which change nothing and so record nothing.</summary>
public sealed class NoJournal : IRunJournal
{
    public static NoJournal Instance { get; } = new();

    public void Started(string runId, string command, string baseline, string host, DateTimeOffset at)
    {
    }

    public void BeforeChange(ResourceDeclaration declaration, IReadOnlyList<Difference> changes, UndoStep undo)
    {
    }

    public void AfterChange(ResourceDeclaration declaration, ResourceStatus outcome, string? error)
    {
    }

    public void Restarted(RestartResult restart)
    {
    }

    public void Finished(RunResult result)
    {
    }
}
