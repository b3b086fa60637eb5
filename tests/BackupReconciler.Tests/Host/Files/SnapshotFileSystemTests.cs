using BackupReconciler.Host;
using BackupReconciler.Host.Files;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Host.Files;

public sealed class SnapshotFileSystemTests : IDisposable
{
    private const string TriggerJob = @"C:\Program Files\Microsoft System Center 2012 R2\DPM\DPM\bin\TriggerJob.exe";

    private readonly TempFolder _folder = new();

    public SnapshotFileSystemTests()
    {
        _folder.Write("dpm01-files/C/Program Files/Microsoft System Center 2012 R2/DPM/DPM/bin/TriggerJob.exe", "binary");
        _folder.Write("outside.txt", "not part of the host");
    }

    public void Dispose() => _folder.Dispose();

    private IFileSystem Files(string members = """, "fileSystemRoot": "dpm01-files" """) =>
        SnapshotHost.Load(_folder.Write("snapshot.json", $$"""{ "computerName": "DPM01"{{members}} }""")).Files;

    [Fact]
    public void ADrivePathIsTheDriveLetterFolderUnderTheRoot()
    {
        var files = Files();

        Assert.True(files.CanSeeFiles);
        Assert.True(files.FileExists(TriggerJob));
        Assert.False(files.FileExists(@"C:\Program Files\Microsoft System Center 2012 R2\DPM\DPM\bin\Missing.exe"));
        Assert.False(files.FileExists(@"D:\Program Files\Microsoft System Center 2012 R2\DPM\DPM\bin\TriggerJob.exe"));
    }

    [Theory]
    [InlineData(@"c:\program files\MICROSOFT SYSTEM CENTER 2012 R2\dpm\dpm\BIN\triggerjob.EXE")]
    [InlineData("C:/Program Files/Microsoft System Center 2012 R2/DPM/DPM/bin/TriggerJob.exe")]
    [InlineData(@"C:\Program Files\\Microsoft System Center 2012 R2\.\DPM\DPM\bin\TriggerJob.exe")]
    public void LookupsIgnoreCaseAndAcceptWhatWindowsAccepts(string path)
    {
        Assert.True(Files().FileExists(path));
    }

    [Fact]
    public void AFolderIsNotAFile()
    {
        Assert.False(Files().FileExists(@"C:\Program Files\Microsoft System Center 2012 R2\DPM\DPM\bin"));
    }

    [Fact]
    public void ANameWindowsWouldRejectIsNotFound()
    {
        Assert.False(Files().FileExists(@"C:\Program Files\Trigger*.exe"));
    }

    [Theory]
    [InlineData(@"C:\..\outside.txt")]
    [InlineData(@"C:\Program Files\..\..\outside.txt")]
    public void APathWithDotDotIsRefusedSoNothingOutsideTheRootIsRead(string path)
    {
        var error = Assert.Throws<HostOperationException>(() => Files().FileExists(path));

        Assert.Equal($"\"{path}\" contains \"..\"; give the path without it (the snapshot host refuses paths that could leave fileSystemRoot).", error.Message);
    }

    [Theory]
    [InlineData(@"Program Files\x.exe")]
    [InlineData(@"\\server\share\x.exe")]
    [InlineData(@"C:x.exe")]
    public void APathWithoutADriveIsRefused(string path)
    {
        var error = Assert.Throws<HostOperationException>(() => Files().FileExists(path));

        Assert.Equal($"\"{path}\" is not an absolute path with a drive letter, such as C:\\Program Files\\App\\file.json.", error.Message);
    }

    [Fact]
    public void ASymbolicLinkIsNotFollowed()
    {
        File.CreateSymbolicLink(_folder.Combine("dpm01-files/C/link.txt"), _folder.Combine("outside.txt"));

        var error = Assert.Throws<HostOperationException>(() => Files().FileExists(@"C:\link.txt"));

        Assert.StartsWith(@"C:\link.txt: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is a symbolic link; the snapshot host does not follow links, so that nothing outside fileSystemRoot is read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutFileSystemRootTheFilesCannotBeSeen()
    {
        var files = Files("");

        Assert.False(files.CanSeeFiles);
        Assert.Throws<HostOperationException>(() => files.FileExists(TriggerJob));
    }

    [Fact]
    public void AReadFaultOnAFileFailsTheLookup()
    {
        var files = Files($$""", "fileSystemRoot": "dpm01-files", "faults": [ { "operation": "read", "target": "file:{{TriggerJob.Replace(@"\", @"\\", StringComparison.Ordinal)}}", "message": "The network path was not found." } ]""");

        var error = Assert.Throws<HostOperationException>(() => files.FileExists(TriggerJob));

        Assert.Equal("The network path was not found.", error.Message);
    }

    [Fact]
    public void AFileSystemRootThatIsNotAFolderIsALocatedInputError()
    {
        var error = Assert.Throws<InputException>(() => Files(""", "fileSystemRoot": "dpm02-files" """));

        Assert.Equal(
            $"\"fileSystemRoot\" is \"dpm02-files\", but {_folder.Combine("dpm02-files")} is not a folder; create it (a folder per drive letter inside, such as C) or remove \"fileSystemRoot\".",
            error.Problem);
        Assert.Equal((1, 58), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void AFileSystemRootThatIsNotAStringIsALocatedInputError()
    {
        var error = Assert.Throws<InputException>(() => Files(""", "fileSystemRoot": 7 """));

        Assert.Equal("\"fileSystemRoot\" must be the name of a folder beside the snapshot, such as \"dpm01-files\"; found the number 7.", error.Problem);
    }
}
