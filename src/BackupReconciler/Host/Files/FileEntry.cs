namespace BackupReconciler.Host.Files;

/// <summary>One file as a directory listing shows it: its name in the folder, size, last write time and read-only attribute.</summary>
public sealed record FileEntry(string Name, long Length, DateTimeOffset LastWriteTime, bool IsReadOnly);
