using BackupReconciler.Windows.ScheduledTasks;

namespace BackupReconciler.Tests.Windows.ScheduledTasks;

/// <summary>Full task paths split as Task Scheduler's GetFolder and GetTask take them.</summary>
public sealed class TaskLocationTests
{
    [Theory]
    [InlineData(@"\Microsoft\OnlineBackup\Microsoft-OnlineBackup", @"\Microsoft\OnlineBackup", "Microsoft-OnlineBackup")]
    [InlineData(@"\Backup", @"\", "Backup")]
    public void AFullPathIsAFolderAndAName(string fullPath, string folder, string name)
    {
        Assert.Equal(new TaskLocation(folder, name), TaskLocation.Parse(fullPath));
    }

    [Theory]
    [InlineData(@"Microsoft\Task")]
    [InlineData(@"\Microsoft\")]
    public void APathThatNamesNoTaskIsNotFound(string fullPath)
    {
        Assert.Null(TaskLocation.Parse(fullPath));
    }
}
