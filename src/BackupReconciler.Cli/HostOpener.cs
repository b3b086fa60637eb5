using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;

namespace BackupReconciler.Cli;

/// <summary>The host a verb works on: the snapshot file when one is given, else the live Windows machine.</summary>
internal static class HostOpener
{
    /// <param name="howToGiveASnapshot">What to do instead, for the error off Windows ("pass --snapshot FILE to work on a snapshot").</param>
    public static IHost Open(string? snapshot, TimeProvider clock, string howToGiveASnapshot)
    {
        if (snapshot is not null)
        {
            return SnapshotHost.Load(snapshot, clock);
        }

        return OperatingSystem.IsWindows()
            ? new Windows.LiveWindowsHost()
            : throw new InputException(null, $"there is no live Windows host on {Environment.OSVersion.Platform}; {howToGiveASnapshot}.");
    }
}
