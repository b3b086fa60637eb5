using BackupReconciler.Snapshot.Capture;

namespace BackupReconciler.Host.UserRights;

/// <summary>Reads the holders of a right and records them.</summary>
internal sealed class RecordingUserRights(IUserRights inner, CapturedHost captured) : IUserRights
{
    public IReadOnlyList<string> HoldersOf(string right) => captured.UserRights[right] = inner.HoldersOf(right);

    public void Grant(string right, string account) => throw CaptureOnly.Refuse("grant a user right");
}
