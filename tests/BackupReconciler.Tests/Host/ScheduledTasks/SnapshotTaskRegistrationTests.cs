using BackupReconciler.Host;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Host.ScheduledTasks;

/// <summary>The scheduledTasks section as the task registration port: what a registered task is, read back, and written.</summary>
public sealed class SnapshotTaskRegistrationTests : IDisposable
{
    private const string Path = @"\BackupReconciler\Scheduled correction";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ScheduledTaskDefinition Definition() =>
        new(Path, "d", @"C:\br.exe", "apply C:\\b.json", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3), TimeSpan.FromHours(2), @"NT AUTHORITY\SYSTEM", TaskOverlap.IgnoreNew, true, true);

    [Fact]
    public void ARegisteredTaskIsWrittenAndReadBackFromTheFileAsItWasRegistered()
    {
        var path = _folder.Write("s.json", """{ "computerName": "H" }""");
        var host = SnapshotHost.Load(path);

        host.TaskRegistration.Register(Definition());
        host.Save();

        Assert.Equal(Definition(), SnapshotHost.Load(path).TaskRegistration.ReadDefinition(Path.ToUpperInvariant())! with { FullPath = Path });
        Assert.Equal(new ScheduledTaskInfo(Path, true, @"NT AUTHORITY\SYSTEM"), SnapshotHost.Load(path).ScheduledTasks.Find(Path));
    }

    [Fact]
    public void ATaskWithOnlyEnabledAndRunAsReadsWithTaskSchedulersDefaultsAndIsWrittenBackUnchanged()
    {
        var path = _folder.Write("s.json", """{ "computerName": "H", "scheduledTasks": { "\\T": { "enabled": false, "runAs": "SYSTEM" } } }""");
        var host = SnapshotHost.Load(path);

        var task = host.TaskRegistration.ReadDefinition(@"\T")!;

        Assert.Equal(("", TimeSpan.Zero, TimeSpan.FromDays(3), TaskOverlap.IgnoreNew, false), (task.Command, task.Every, task.ExecutionTimeLimit, task.Overlap, task.StartWhenAvailable));
        Assert.True(JToken.DeepEquals(JObject.Parse("""{ "\\T": { "enabled": false, "runAs": "SYSTEM" } }"""), host.Canonical()["scheduledTasks"]));
    }

    [Fact]
    public void DeletingATaskRemovesItAndDeletingAgainSaysThereWasNone()
    {
        var path = _folder.Write("s.json", """{ "computerName": "H", "scheduledTasks": { "\\T": { } } }""");
        var host = SnapshotHost.Load(path);

        Assert.True(host.TaskRegistration.Delete(@"\t"));
        Assert.False(host.TaskRegistration.Delete(@"\t"));
        Assert.Null(host.ScheduledTasks.Find(@"\T"));
        Assert.True(host.HasChanges);
    }

    [Fact]
    public void ADurationThatIsNotTaskSchedulersIsLocated()
    {
        var path = _folder.Write("s.json", """{ "computerName": "H", "scheduledTasks": { "\\T": { "trigger": { "every": "30m" } } } }""");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.StartsWith($"{path}(1,", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"every\" is \"30m\", not a duration as Task Scheduler writes one; use ISO 8601, such as \"PT30M\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownMemberOfTheActionIsRejected()
    {
        var path = _folder.Write("s.json", """{ "computerName": "H", "scheduledTasks": { "\\T": { "action": { "command": "x.exe", "workingDirectory": "C:\\" } } } }""");

        var e = Assert.Throws<InputException>(() => SnapshotHost.Load(path));

        Assert.Contains("workingDirectory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFaultOnTheTaskFailsItsRegistration()
    {
        var path = _folder.Write("s.json", $$"""{ "computerName": "H", "faults": [ { "target": "task:{{Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "operation": "set", "message": "Access is denied. (0x80070005)" } ] }""");
        var host = SnapshotHost.Load(path);

        var e = Assert.Throws<HostOperationException>(() => host.TaskRegistration.Register(Definition()));

        Assert.Contains("Access is denied", e.Message, StringComparison.Ordinal);
        Assert.Null(host.TaskRegistration.ReadDefinition(Path));
    }
}
