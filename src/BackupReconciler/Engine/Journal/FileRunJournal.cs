using System.Globalization;
using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// A run's journal as JSON lines in <c>&lt;state&gt;/runs/&lt;runId&gt;.&lt;host tag&gt;.jsonl</c> (<see cref="JournalFiles"/>). Every line is flushed
/// to disk before the call returns, so a run killed at any point leaves a journal that says how far it got.
/// </summary>
public sealed class FileRunJournal : IRunJournal, IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private readonly SecretRedactor _secrets;
    private readonly CancellationToken _stop;
    private readonly string _host;

    /// <param name="secrets">Masks secrets in each line, value by value so each line stays JSON: the journal is kept on disk for months.</param>
    /// <param name="stop">Requested when the run is asked to stop (Ctrl+C, SIGTERM): the end line then says the run was interrupted.</param>
    /// <param name="host">The host the run changes: its tag is in the file name, and the start line must name the same host.</param>
    public FileRunJournal(string stateDirectory, string runId, string host, SecretRedactor? secrets = null, CancellationToken stop = default)
    {
        _secrets = secrets ?? new SecretRedactor();
        _stop = stop;
        _host = host;
        Directory.CreateDirectory(RunsFolder(stateDirectory));
        Path = JournalFiles.PathFor(stateDirectory, runId, host);
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(_stream, new System.Text.UTF8Encoding(false));
    }

    public string Path { get; }

    public static string RunsFolder(string stateDirectory) => System.IO.Path.Combine(stateDirectory, "runs");

    public void Started(string runId, string command, string baseline, string host, DateTimeOffset at)
    {
        // Lookups skip a journal whose name carries another host's tag: a start line naming another host would be a run nobody finds.
        if (!host.Equals(_host, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the journal {Path} was opened for host \"{_host}\" but the run started on \"{host}\"");
        }

        Write(new JObject
        {
            ["event"] = "start",
            ["journalVersion"] = RunRecord.FormatVersion,
            ["runId"] = runId,
            ["time"] = Time(at),
            ["command"] = command,
            ["baseline"] = baseline,
            ["host"] = host,
            ["processId"] = Environment.ProcessId,
        });
    }

    public void BeforeChange(ResourceDeclaration declaration, IReadOnlyList<Difference> changes, UndoStep undo) => Write(new JObject
    {
        ["event"] = "before",
        ["resource"] = declaration.Id,
        ["type"] = declaration.Type,
        ["changes"] = new JArray(changes.Select(DifferenceJson.Core)),
        ["restartServices"] = new JArray(declaration.RestartServices.Concat(declaration.Resource.RestartsWhenChanged).Cast<object>().ToArray()),
        ["undo"] = undo.KeptWithout(_secrets.Redact).ToJson(),
    });

    public void AfterChange(ResourceDeclaration declaration, ResourceStatus outcome, string? error) => Write(new JObject
    {
        ["event"] = "after",
        ["resource"] = declaration.Id,
        ["outcome"] = outcome.ToString().ToLowerInvariant(),
        ["error"] = error,
    });

    public void Restarted(RestartResult restart) => Write(new JObject
    {
        ["event"] = "restart",
        ["service"] = restart.Service,
        ["outcome"] = restart.Status.ToString().ToLowerInvariant(),
        ["error"] = restart.Error,
        ["reason"] = restart.Reason,
        ["running"] = new JArray(restart.Running.Cast<object>().ToArray()),
        ["waiting"] = restart.Waiting,
    });

    public void Finished(RunResult result) => Write(new JObject
    {
        ["event"] = "end",
        ["interrupted"] = _stop.IsCancellationRequested,
        ["summary"] = SummaryJson(result.Summary),
    });

    /// <summary>
    /// The counts by name, written out: serialising the record by reflection (JObject.FromObject) reads
    /// properties the trimmer of the Native AOT build cannot see being read.
    /// </summary>
    internal static JObject SummaryJson(RunSummary summary) => new()
    {
        ["total"] = summary.Total,
        ["compliant"] = summary.Compliant,
        ["drifted"] = summary.Drifted,
        ["changed"] = summary.Changed,
        ["manual"] = summary.Manual,
        ["failed"] = summary.Failed,
        ["skipped"] = summary.Skipped,
        ["predictedFailure"] = summary.PredictedFailure,
        ["notUndoable"] = summary.NotUndoable,
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Write(JObject line)
    {
        _writer.Write(_secrets.RedactJson(line).ToString(Formatting.None));
        _writer.Write('\n');
        _writer.Flush();
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
