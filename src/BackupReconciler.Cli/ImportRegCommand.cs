using BackupReconciler.RegFiles;
using Newtonsoft.Json;
using Serilog;

namespace BackupReconciler.Cli;

/// <summary>
/// <c>import-reg FILE.reg [--out BASELINE.json]</c>: a .reg file (REGEDIT4 or version 5, UTF-16 or UTF-8) as a
/// baseline of registry resources whose apply does what merging the file does. What cannot be said that way
/// is refused with its line and the reason (another hive, a key deletion, REG_NONE…); keys without values,
/// which merging only creates, are named on standard error.
/// </summary>
internal static class ImportRegCommand
{
    public static string Import(CliOptions options, ILogger log, TextWriter stderr)
    {
        var file = RegFileParser.Read(options.Baselines[0]);
        var result = RegFileBaseline.From(file);
        foreach (var skipped in result.NotImported)
        {
            log.Information("Not imported: {Key}", skipped);
            stderr.WriteLine($"note: not imported: {skipped}");
        }

        log.Information("Imported {File} ({Format}): {Count} registry resources", file.Path, file.Format, result.Baseline["resources"]!.Count());
        return result.Baseline.ToString(Formatting.Indented) + "\n";
    }
}
