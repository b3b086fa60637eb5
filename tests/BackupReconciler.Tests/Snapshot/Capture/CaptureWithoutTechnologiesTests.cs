using System.Runtime.InteropServices;
using BackupReconciler.Baselines;
using BackupReconciler.Cli;
using BackupReconciler.Host;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Snapshot.Capture;

/// <summary>
/// A live machine where technologies are missing or closed (Wine without WMI or COM servers, a key this
/// account may not read): what a live adapter throws there is not always a host failure, and the capture
/// must still leave out only those parts, say why, and write the file.
/// </summary>
public sealed class CaptureWithoutTechnologiesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryPartThatCannotBeReadForAnyReasonIsLeftOutWithItsReasonAndTheRestIsStillWritten()
    {
        var path = _folder.Write("server.json", """
            { "computerName": "H",
              "registry": { "HKLM\\SOFTWARE\\Readable": { "V": { "kind": "dword", "data": 1 } } },
              "services": { "VSS": { "startType": "manual", "state": "stopped" } } }
            """);
        var host = new MissingTechnologies(SnapshotHost.Load(path));
        var baseline = _folder.Write("b.json", """
            { "name": "b", "resources": [
                { "id": "readable", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Readable", "values": { "V": { "kind": "dword", "data": 1 } } } },
                { "id": "closed", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Closed", "values": { "V": { "kind": "dword", "data": 1 } } } },
                { "id": "task", "type": "scheduledTask", "properties": { "path": "\\", "name": "T", "enabled": true } },
                { "id": "vss", "type": "service", "restartServices": ["VSS"], "properties": { "name": "VSS", "startType": "manual" } } ] }
            """);
        var log = new NotCaptured();

        var (document, exit) = SnapshotCommand.Capture(CliOptions.Parse(["snapshot", baseline]), host, new BaselineLoader(ResourceCatalog.Default),
            new Serilog.LoggerConfiguration().WriteTo.Sink(log).CreateLogger(), TimeProvider.System, new BackupReconciler.Input.SecretRedactor());

        var captured = JObject.Parse(document);
        Assert.Equal(4, exit);
        Assert.Equal(1, (int)captured["registry"]!["HKLM\\SOFTWARE\\Readable"]!["V"]!["data"]!);
        Assert.NotNull(captured["services"]!["VSS"]);
        Assert.Null(captured["volumes"]);
        Assert.Contains(log.Warnings, w => w.StartsWith("volumes: not available on this host: Could not find an installation of .NET Framework", StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.StartsWith("antivirus exclusions: Class not registered (0x80040154)", StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.StartsWith("closed: could not read: access is denied: ", StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.StartsWith("task: could not read: not available on this host: ", StringComparison.Ordinal));
        Assert.Equal(4, log.Warnings.Count);
    }

    /// <summary>The problems the capture logged as "Not captured: {Problem}".</summary>
    private sealed class NotCaptured : Serilog.Core.ILogEventSink
    {
        public List<string> Warnings { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent)
        {
            if (logEvent.MessageTemplate.Text.StartsWith("Not captured", StringComparison.Ordinal)
                && logEvent.Properties["Problem"] is Serilog.Events.ScalarValue { Value: string problem })
            {
                Warnings.Add(problem);
            }
        }
    }

    /// <summary>A host whose WMI, Defender COM server, one registry key and the Task Scheduler fail as they do on a live machine that lacks them.</summary>
    private sealed class MissingTechnologies(SnapshotHost inner) : PortedHost(inner.ComputerName, inner.Facts, Ports(inner))
    {
        private static HostPorts Ports(SnapshotHost inner)
        {
            var missing = new Missing(inner);
            return HostPorts.Of(inner).Instead<IRegistry>(missing).Instead<IVolumes>(missing).Instead<IAntivirus>(missing).Instead<IScheduledTasks>(missing);
        }
    }

    private sealed class Missing(SnapshotHost inner) : IVolumes, IAntivirus, IRegistry, IScheduledTasks
    {
        public IReadOnlyList<VolumeInfo> ReadAll() =>
            throw new PlatformNotSupportedException("Could not find an installation of .NET Framework v4.0.30319. System.Management requires native modules from the .NET Framework to operate.");

#pragma warning disable CA2201 // what a live COM call throws where its server is not registered
        public AntivirusExclusions Read() => throw new COMException("Class not registered", unchecked((int)0x80040154));
#pragma warning restore CA2201

        public void Add(AntivirusExclusions additions) => throw new InvalidOperationException("a capture changes nothing");

        public IReadOnlyDictionary<string, RegistryValue>? ReadKey(RegistryKeyPath key, RegistryView view) =>
            key.FullName.EndsWith("Closed", StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException($"Access to the registry key '{key.FullName}' is denied.")
                : inner.Registry.ReadKey(key, view);

        public void SetValue(RegistryKeyPath key, RegistryView view, string name, RegistryValue value) => throw new InvalidOperationException("a capture changes nothing");

        public void DeleteValue(RegistryKeyPath key, RegistryView view, string name) => throw new InvalidOperationException("a capture changes nothing");

        public ScheduledTaskInfo? Find(string fullPath) => throw new NotSupportedException("Schedule.Service is not registered");

        public void SetEnabled(string fullPath, bool enabled) => throw new InvalidOperationException("a capture changes nothing");
    }
}
