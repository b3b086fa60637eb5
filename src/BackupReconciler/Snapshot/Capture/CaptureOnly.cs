namespace BackupReconciler.Snapshot.Capture;

/// <summary>What a recording port answers to a change: capturing a host reads it and never changes it.</summary>
internal static class CaptureOnly
{
    public static InvalidOperationException Refuse(string change) =>
        new($"capturing a snapshot only reads the host; \"{change}\" was asked for, which is a change (a bug in the caller).");
}
