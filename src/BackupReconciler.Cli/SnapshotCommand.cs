using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host;
using BackupReconciler.Snapshot.Capture;
using Serilog;

namespace BackupReconciler.Cli;

/// <summary>
/// <c>snapshot [BASELINE...] [--out FILE]</c>: captures a host into the snapshot format (DESIGN §5) so it
/// can be audited anywhere. A host has no list of "everything", so the baselines say what to capture:
/// every resource is read as <c>get</c> reads it (registry keys, services and their dependents, firewall
/// rules, SQL instances, tasks, features, access rules, user rights, events …) through a
/// <see cref="RecordingHost"/>, plus the restart services the baselines name. Volumes, shadow storage
/// and antivirus exclusions are captured always. Nothing is changed. Parts that cannot be read are left
/// out, logged, and make the exit code 4; the snapshot is still written.
/// </summary>
internal static class SnapshotCommand
{
    public static (string Document, int ExitCode) Capture(CliOptions options, IHost host, BaselineLoader loader, ILogger log, TimeProvider clock, Input.SecretRedactor secrets)
    {
        var recorder = new RecordingHost(host);
        var problems = recorder.CaptureHostWide().ToList();
        foreach (var file in options.Baselines)
        {
            var baseline = loader.Load(file, options.Variables, host.Facts, secrets);
            // Each resource read as get reads it; one that cannot be read (for any reason a live host gives)
            // is left out with the reason, and the others are still captured.
            foreach (var declaration in baseline.Resources)
            {
                try
                {
                    declaration.Resource.Observe(recorder);
                }
                catch (Exception e) when (Unreadable.Is(e))
                {
                    problems.Add($"{declaration.Id}: could not read: {Unreadable.Reason(e)}");
                }
            }

            var restarts = baseline.Resources
                .SelectMany(r => r.RestartServices.Concat(r.Resource.RestartsWhenChanged))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var service in restarts)
            {
                try
                {
                    recorder.Services.Find(service);
                }
                catch (Exception e) when (Unreadable.Is(e))
                {
                    problems.Add($"service {service}: {Unreadable.Reason(e)}");
                }
            }
        }

        foreach (var problem in problems)
        {
            log.Warning("Not captured: {Problem}", problem);
        }

        log.Information("Captured {Host} with {Baselines} baselines; {Problems} parts could not be read", host.ComputerName, options.Baselines.Count, problems.Count);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        recorder.Captured.WriteCapture(text);
        return (text.ToString(), problems.Count == 0 ? ExitCodes.NoChanges : ExitCodes.Failures);
    }
}
