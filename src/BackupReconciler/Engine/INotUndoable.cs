namespace BackupReconciler.Engine;

/// <summary>
/// A step of an undo run that cannot be taken back by design (deleted files, rights only ever
/// granted): the engine reports it as not undoable, with the reason, never as a failure.
/// </summary>
public interface INotUndoable
{
    string Reason { get; }
}
