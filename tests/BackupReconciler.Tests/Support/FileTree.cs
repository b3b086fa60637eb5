using System.Security.Cryptography;

namespace BackupReconciler.Tests.Support;

/// <summary>Every file under a folder, as "relative path: content hash", sorted: equal lists mean nothing was written, created or deleted.</summary>
public static class FileTree
{
    public static IReadOnlyList<string> Capture(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => $"{Path.GetRelativePath(folder, file)}: {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
