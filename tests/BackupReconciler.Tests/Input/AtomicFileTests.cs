using BackupReconciler.Input;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Input;

public sealed class AtomicFileTests
{
    [Fact]
    public void AWriteThatFailsMidwayLeavesTheOriginalFileIntactAndNoTemporaryFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snapshot.json", "original");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("original", File.ReadAllText(path));
        Assert.Equal(["snapshot.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ACompletedWriteReplacesTheContent()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snapshot.json", "original");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
    }
}
