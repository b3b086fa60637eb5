using BackupReconciler.Host;
using BackupReconciler.Host.Files;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Host.Files;

/// <summary>Reading, writing, listing and deleting the real files under fileSystemRoot, with Windows semantics.</summary>
public sealed class SnapshotFileSystemFileTests : IDisposable
{
    private const string Settings = @"C:\Program Files\App\settings.json";

    private readonly TempFolder _folder = new();

    public SnapshotFileSystemFileTests()
    {
        _folder.Write("files/C/Program Files/App/Settings.JSON", "original");
    }

    public void Dispose() => _folder.Dispose();

    private SnapshotFileSystem Files(string faults = "[]") =>
        (SnapshotFileSystem)SnapshotHost.Load(_folder.Write("snapshot.json", $$"""{ "computerName": "H", "fileSystemRoot": "files", "faults": {{faults}} }"""),
            new FixedClock(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero))).Files;

    private string Real(string relative) => _folder.Combine("files/" + relative);

    [Fact]
    public void AFileIsReadIgnoringCaseAndAMissingOneIsNull()
    {
        var files = Files();

        Assert.Equal("original"u8.ToArray(), files.ReadFile(@"c:\PROGRAM FILES\app\settings.json", 100));
        Assert.Null(files.ReadFile(@"C:\Program Files\App\other.json", 100));
        Assert.Null(files.ReadFile(@"C:\Program Files\Other\settings.json", 100));
    }

    [Fact]
    public void AFileLargerThanTheLimitOrAFolderIsNotRead()
    {
        var files = Files();

        Assert.Equal(@"C:\Program Files\App\settings.json is 8 bytes, more than the 4 this tool reads from such a file; it is not the file the baseline means.",
            Assert.Throws<HostOperationException>(() => files.ReadFile(Settings, 4)).Message);
        Assert.Equal(@"C:\Program Files\App is a folder, not a file.",
            Assert.Throws<HostOperationException>(() => files.ReadFile(@"C:\Program Files\App", 100)).Message);
    }

    [Fact]
    public void AWriteReplacesTheFileUnderItsExistingNameAndCreatesMissingFolders()
    {
        var files = Files();

        files.WriteFile(Settings, stream => stream.Write("new"u8));
        files.WriteFile(@"C:\ProgramData\New\Deeper\created.json", stream => stream.Write("created"u8));

        Assert.Equal("new", File.ReadAllText(Real("C/Program Files/App/Settings.JSON")));
        Assert.Equal("created", File.ReadAllText(Real("C/ProgramData/New/Deeper/created.json")));
        Assert.Equal(["Settings.JSON"], Directory.GetFiles(Real("C/Program Files/App")).Select(Path.GetFileName));
    }

    [Fact]
    public void AWriterThatFailsMidwayLeavesTheOriginalFileIntactAndNoTemporaryFile()
    {
        var files = Files();

        var error = Assert.Throws<HostOperationException>(() => files.WriteFile(Settings, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("There is not enough space on the disk.");
        }));

        Assert.Equal(@"C:\Program Files\App\settings.json: There is not enough space on the disk.", error.Message);
        Assert.Equal("original", File.ReadAllText(Real("C/Program Files/App/Settings.JSON")));
        Assert.Equal(["Settings.JSON"], Directory.GetFiles(Real("C/Program Files/App")).Select(Path.GetFileName));
    }

    [Fact]
    public void ASetFaultStrikesAfterTheTemporaryFileIsWrittenAndBeforeTheRename()
    {
        var files = Files("""[ { "operation": "set", "target": "file:C:\\Program Files\\App\\settings.json", "message": "The disk is full." } ]""");
        var wrote = false;

        var error = Assert.Throws<HostOperationException>(() => files.WriteFile(Settings, stream =>
        {
            stream.Write("the whole new content"u8);
            wrote = true;
        }));

        Assert.True(wrote);
        Assert.Equal("The disk is full.", error.Message);
        Assert.Equal("original", File.ReadAllText(Real("C/Program Files/App/Settings.JSON")));
        Assert.Single(Directory.GetFiles(Real("C/Program Files/App")));
    }

    [Fact]
    public void AListingHasTheTopFolderFilesMatchingThePatternIgnoringCaseWithSizeTimeAndReadOnly()
    {
        _folder.Write("files/C/Windows/Temp/a.tmp", "12345");
        _folder.Write("files/C/Windows/Temp/B.TMP", "");
        _folder.Write("files/C/Windows/Temp/.hidden.tmp", "");
        _folder.Write("files/C/Windows/Temp/c.log", "");
        _folder.Write("files/C/Windows/Temp/sub/d.tmp", "");
        Directory.CreateDirectory(Real("C/Windows/Temp/folder.tmp"));
        var written = new DateTime(2025, 12, 24, 8, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Real("C/Windows/Temp/a.tmp"), written);
        File.SetAttributes(Real("C/Windows/Temp/B.TMP"), FileAttributes.ReadOnly);

        var entries = Files().ListFiles(@"c:\windows\TEMP", "*.tmp")!.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal([".hidden.tmp", "B.TMP", "a.tmp"], entries.Select(e => e.Name));
        Assert.Equal(new FileEntry("a.tmp", 5, written, false), entries[2]);
        Assert.True(entries[1].IsReadOnly);
    }

    [Fact]
    public void AMissingFolderListsAsNull()
    {
        Assert.Null(Files().ListFiles(@"C:\Windows\Temp", "*.tmp"));
    }

    [Fact]
    public void DeletingSaysWhatBecameOfTheFile()
    {
        _folder.Write("files/C/Windows/Temp/gone.tmp", "");
        _folder.Write("files/C/Windows/Temp/kept.tmp", "");
        _folder.Write("files/C/Windows/Temp/held.tmp", "");
        File.SetAttributes(Real("C/Windows/Temp/kept.tmp"), FileAttributes.ReadOnly);
        var files = Files();

        using (new FileStream(Real("C/Windows/Temp/held.tmp"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Assert.Equal(FileDeletion.InUse, files.DeleteFile(@"C:\Windows\Temp\held.tmp"));
        }

        Assert.Equal(FileDeletion.Deleted, files.DeleteFile(@"C:\WINDOWS\Temp\GONE.tmp"));
        Assert.Equal(FileDeletion.NotFound, files.DeleteFile(@"C:\Windows\Temp\gone.tmp"));
        Assert.Equal(FileDeletion.ReadOnly, files.DeleteFile(@"C:\Windows\Temp\kept.tmp"));
        Assert.Equal(["held.tmp", "kept.tmp"], Directory.GetFiles(Real("C/Windows/Temp")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NowIsTheHostsClock()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), Files().Now);
    }
}
