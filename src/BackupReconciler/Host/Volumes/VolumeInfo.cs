namespace BackupReconciler.Host.Volumes;

/// <summary>One volume: its name (<c>C:</c>), capacity and free space in bytes.</summary>
public sealed record VolumeInfo(string Name, long SizeBytes, long FreeBytes);
