using System.Runtime.Versioning;
using BackupReconciler.Host.Files;
using BackupReconciler.Windows.Files;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>The file system adapter on real files, in a folder the test owns under the temporary folder.</summary>
[SupportedOSPlatform("windows")]
[LaneArea("files")]
public sealed class WindowsFileSystemTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "BRTest-files-" + Guid.NewGuid().ToString("N"));
    private readonly WindowsFileSystem _files = new();

    public WindowsFileSystemTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [LiveWindowsFact]
    public void AWriteCreatesFoldersReplacesAtomicallyAndReadsBack()
    {
        var path = Path.Combine(_folder, "Sub", "settings.json");

        _files.WriteFile(path, s => s.Write("{\"a\":1}"u8));
        _files.WriteFile(path.ToUpperInvariant(), s => s.Write("{\"a\":2}"u8));

        Assert.True(_files.FileExists(path));
        Assert.Equal("{\"a\":2}"u8.ToArray(), _files.ReadFile(path, 1024));
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "Sub")));
        Assert.Null(_files.ReadFile(Path.Combine(_folder, "missing.json"), 1024));
    }

    [LiveWindowsFact]
    public void AFailedWriteLeavesTheOldContent()
    {
        var path = Path.Combine(_folder, "keep.json");
        _files.WriteFile(path, s => s.Write("old"u8));

        Assert.ThrowsAny<Exception>(() => _files.WriteFile(path, _ => throw new InvalidOperationException("midway")));

        Assert.Equal("old"u8.ToArray(), _files.ReadFile(path, 1024));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [LiveWindowsFact]
    public void AListingMatchesIgnoringCaseAndTellsSizeTimeAndReadOnly()
    {
        File.WriteAllText(Path.Combine(_folder, "A.TMP"), "12345");
        File.WriteAllText(Path.Combine(_folder, "b.tmp"), "1");
        File.WriteAllText(Path.Combine(_folder, "c.log"), "1");
        File.SetAttributes(Path.Combine(_folder, "b.tmp"), FileAttributes.ReadOnly);

        var entries = _files.ListFiles(_folder, "*.tmp")!.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();

        Assert.Equal([("A.TMP", 5L, false), ("b.tmp", 1L, true)], entries.Select(e => (e.Name, e.Length, e.IsReadOnly)));
        Assert.All(entries, e => Assert.True(DateTimeOffset.UtcNow - e.LastWriteTime < TimeSpan.FromMinutes(5)));
        Assert.Null(_files.ListFiles(Path.Combine(_folder, "none"), "*"));
    }

    [LiveWindowsFact]
    public void DeletingSaysReadOnlyInUseDeletedOrNotFound()
    {
        var readOnly = Path.Combine(_folder, "ro.tmp");
        var inUse = Path.Combine(_folder, "open.tmp");
        var plain = Path.Combine(_folder, "plain.tmp");
        File.WriteAllText(readOnly, "x");
        File.SetAttributes(readOnly, FileAttributes.ReadOnly);
        File.WriteAllText(inUse, "x");
        File.WriteAllText(plain, "x");

        using (new FileStream(inUse, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            Assert.Equal(FileDeletion.InUse, _files.DeleteFile(inUse));
        }

        Assert.Equal(FileDeletion.ReadOnly, _files.DeleteFile(readOnly));
        Assert.Equal(FileDeletion.Deleted, _files.DeleteFile(plain));
        Assert.Equal(FileDeletion.NotFound, _files.DeleteFile(plain));
        Assert.True(File.Exists(readOnly) && File.Exists(inUse));
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
