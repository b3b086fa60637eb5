using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.UserRights;

/// <summary>Reads the holders of a right and records them.</summary>
internal sealed class RecordingUserRights(IUserRights inner, SnapshotUserRights captured) : IUserRights
{
    public IReadOnlyList<string> HoldersOf(string right)
    {
        var holders = inner.HoldersOf(right);
        captured.RecordHolders(right, holders);
        return holders;
    }

    public void Grant(string right, string account) => throw CaptureOnly.Refuse("grant a user right");
}
