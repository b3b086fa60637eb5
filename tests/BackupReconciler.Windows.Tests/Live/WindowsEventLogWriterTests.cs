using System.Diagnostics.Eventing.Reader;
using System.Runtime.Versioning;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Windows.EventLog;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>
/// The event log writer and the source registration on the live machine, under a source of the test's own
/// (deleted before and after): the event read back has the id, the level and the replacement strings in order.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsEventLogWriterTests : IDisposable
{
    private const string Source = "BRTest-BackupReconciler";

    public WindowsEventLogWriterTests() => Remove();

    public void Dispose() => Remove();

    private static void Remove()
    {
        if (OperatingSystem.IsWindows() && LiveWindows.WhyNotHere() is null && System.Diagnostics.EventLog.SourceExists(Source))
        {
            System.Diagnostics.EventLog.DeleteEventSource(Source);
        }
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.EventLog)]
    public void ARegisteredSourceTakesEventsWithTheirIdLevelAndPropertiesInOrder()
    {
        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(EventSourceState.Missing, new EventSourceRegistration(Source).Check()); // what schedule install --what-if reads: "would register"
        new EventSourceRegistration(Source).EnsureRegistered();
        new EventSourceRegistration(Source).EnsureRegistered(); // a second time changes nothing and does not throw
        Assert.Equal(EventSourceState.IsRegistered, new EventSourceRegistration(Source).Check());

        new WindowsEventLogWriter(Source).Write(new EventLogMessage(1200, EventLogLevel.Error, [$"Change failed in run {marker}", marker, "apply", "dpm-server", "H", "vss", "service", "Access is denied."]));

        var query = new EventLogQuery(EventLogMessage.LogName, PathType.LogName, $"*[System[Provider[@Name='{Source}'] and (EventID=1200)]]") { ReverseDirection = true };
        using var reader = new EventLogReader(query);
        EventLogRecord? found = null;
        while (found is null && reader.ReadEvent() is EventLogRecord record)
        {
            if (record.Properties.Count > 1 && (string)record.Properties[1].Value == marker)
            {
                found = record;
            }
            else
            {
                record.Dispose();
            }
        }

        Assert.NotNull(found);
        using (found)
        {
            Assert.Equal(1200, found.Id);
            Assert.Equal((byte)StandardEventLevel.Error, found.Level);
            Assert.Equal([$"Change failed in run {marker}", marker, "apply", "dpm-server", "H", "vss", "service", "Access is denied."], found.Properties.Select(p => (string)p.Value));
        }
    }
}
