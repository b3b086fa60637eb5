using System.Text.RegularExpressions;
using BackupReconciler.Engine.Journal;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Engine.Journal;

/// <summary>
/// A state directory shared by a fleet: a run finds its own host's journals (pending restarts, the previous run)
/// by the host tag in their names without opening other hosts', and still reads journals older builds named
/// by run id alone.
/// </summary>
public sealed partial class JournalFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Runs => Path.Combine(State, "runs");

    private enum Naming
    {
        /// <summary><c>&lt;runId&gt;.jsonl</c>, as builds before the host tag wrote every journal.</summary>
        RunIdOnly,

        /// <summary><c>&lt;runId&gt;.&lt;host tag&gt;.jsonl</c>, as this build writes them.</summary>
        Tagged,
    }

    /// <summary>
    /// Writes a journal as the tool writes it: a start line, one restart line per deferred or restarted service,
    /// and the end line unless the run was interrupted. Returns its path.
    /// </summary>
    private string Journal(Naming naming, string runId, string host, bool complete, string[]? deferred = null, string[]? restarted = null, string? path = null)
    {
        Directory.CreateDirectory(Runs);
        path ??= naming == Naming.Tagged ? JournalFiles.PathFor(State, runId, host) : Path.Combine(Runs, runId + ".jsonl");
        var time = $"{runId[..4]}-{runId[4..6]}-{runId[6..8]}T{runId[9..11]}:{runId[11..13]}:{runId[13..15]}.000Z";
        var lines = new List<JObject>
        {
            new() { ["event"] = "start", ["journalVersion"] = 1, ["runId"] = runId, ["time"] = time, ["command"] = "apply", ["baseline"] = "b", ["host"] = host, ["processId"] = 1 },
        };
        lines.AddRange((deferred ?? []).Select(s => new JObject { ["event"] = "restart", ["service"] = s, ["outcome"] = "deferred", ["reason"] = $"deferred by {runId}", ["running"] = new JArray(), ["waiting"] = null }));
        lines.AddRange((restarted ?? []).Select(s => new JObject { ["event"] = "restart", ["service"] = s, ["outcome"] = "restarted", ["reason"] = "", ["running"] = new JArray(), ["waiting"] = null }));
        if (complete)
        {
            lines.Add(new JObject
            {
                ["event"] = "end", ["interrupted"] = false,
                ["summary"] = new JObject { ["total"] = 1, ["compliant"] = 0, ["drifted"] = 0, ["changed"] = 1, ["manual"] = 0, ["failed"] = 0, ["skipped"] = 0 },
            });
        }

        File.WriteAllText(path, string.Concat(lines.Select(l => l.ToString(Formatting.None) + "\n")));
        return path;
    }

    /// <summary>Journals of 40 other hosts, half named each way, all newer than anything of the host under test.</summary>
    private void OtherHostsJournals(string[]? deferred = null)
    {
        for (var i = 0; i < 40; i++)
        {
            Journal(i % 2 == 0 ? Naming.Tagged : Naming.RunIdOnly, $"20261201T{i:d2}0000Z-{i:x4}", $"SRV{i:d2}", complete: true, deferred ?? ["Other"]);
        }
    }

    private static List<string> Pending(string state, string host) => PendingRestarts.Read(state, host).Select(p => p.Service).ToList();

    [Fact]
    public void AHostsPendingRestartsComeFromItsNewestCompleteRunAndTheInterruptedOnesAfterItWhateverTheNaming()
    {
        Journal(Naming.RunIdOnly, "20261101T000000Z-0001", "HOST01", complete: true, deferred: ["Superseded"]);
        Journal(Naming.RunIdOnly, "20261102T000000Z-0002", "HOST01", complete: true, deferred: ["Sql"]);
        Journal(Naming.Tagged, "20261103T000000Z-0003", "HOST01", complete: false, deferred: ["Agent"]);
        Journal(Naming.Tagged, "20261104T000000Z-0004", "HOST01", complete: false, restarted: ["Sql"]);
        OtherHostsJournals();

        Assert.Equal(["Agent"], Pending(State, "HOST01"));
        Assert.Equal("20261104T000000Z-0004", RunRecord.Latest(State, "HOST01")!.RunId);
        Assert.Equal("20261201T390000Z-0027", RunRecord.Latest(State, "SRV39")!.RunId);
        Assert.Equal(["Other"], Pending(State, "SRV38"));
    }

    [Fact]
    public void ARunKilledWhileWritingItsEndLineIsInterruptedAndThePendingRestartsGoOnToTheCompleteRunBeforeIt()
    {
        Journal(Naming.Tagged, "20261102T000000Z-0002", "HOST01", complete: true, deferred: ["Sql"]);
        var killed = Journal(Naming.Tagged, "20261103T000000Z-0003", "HOST01", complete: true, deferred: ["Agent"]);
        var text = File.ReadAllText(killed);
        File.WriteAllText(killed, text[..(text.LastIndexOf("\"summary\"", StringComparison.Ordinal) + 4)]); // the end line torn, no line break
        OtherHostsJournals();

        var latest = RunRecord.Latest(State, "HOST01")!;

        Assert.Equal("20261103T000000Z-0003", latest.RunId);
        Assert.False(latest.Complete);
        Assert.False(latest.Damaged);
        Assert.Equal(["Sql", "Agent"], Pending(State, "HOST01"));
    }

    [Fact]
    public void HostNamesThatDifferOnlyInCaseAreOneHostWhateverTheNaming()
    {
        Journal(Naming.RunIdOnly, "20261101T000000Z-0001", "Host01", complete: false, deferred: ["Old"]);
        Journal(Naming.Tagged, "20261102T000000Z-0002", "host01", complete: false, deferred: ["Sql"]);
        OtherHostsJournals();

        Assert.Equal(JournalFiles.Tag("HOST01"), JournalFiles.Tag("host01"));
        Assert.Equal(["Old", "Sql"], Pending(State, "HOST01"));
        Assert.Equal("20261102T000000Z-0002", RunRecord.Latest(State, "hOsT01")!.RunId);
    }

    [Fact]
    public void ANonAsciiHostNameIsFoundIgnoringCaseAndItsJournalIsNamedByRunIdAlone()
    {
        var path = Journal(Naming.Tagged, "20261102T000000Z-0002", "SERVEUR-ÉTÉ", complete: true, deferred: ["Sql"]);
        OtherHostsJournals();

        Assert.Null(JournalFiles.Tag("SERVEUR-ÉTÉ"));
        Assert.Equal("20261102T000000Z-0002.jsonl", Path.GetFileName(path));
        Assert.Equal(["Sql"], Pending(State, "serveur-été"));
        Assert.Empty(Pending(State, "SERVEUR-ETE"));
    }

    /// <summary>
    /// The proof that other hosts' journals are not opened: a journal whose start line claims this host's newest
    /// complete run, with nothing pending, under a name tagged for another host. Named by run id alone, as every
    /// journal was before the tag (and as the lookup then read every journal), it changes the answer.
    /// </summary>
    [Fact]
    public void AJournalNamedForAnotherHostIsNotOpenedWhateverItHolds()
    {
        Journal(Naming.Tagged, "20261102T000000Z-0002", "HOST01", complete: true, deferred: ["Sql"]);
        var forged = Journal(Naming.Tagged, "20261103T000000Z-0003", "HOST01", complete: true,
            path: Path.Combine(Runs, "20261103T000000Z-0003." + JournalFiles.Tag("OTHER") + ".jsonl"));
        File.WriteAllText(Path.Combine(Runs, "20261104T000000Z-0004." + JournalFiles.Tag("OTHER") + ".jsonl"), "\0garbage\n{\"event\":");

        Assert.Equal(["Sql"], Pending(State, "HOST01"));
        Assert.Equal("20261102T000000Z-0002", RunRecord.Latest(State, "HOST01")!.RunId);

        File.Move(forged, Path.Combine(Runs, "20261103T000000Z-0003.jsonl"));

        Assert.Empty(Pending(State, "HOST01"));
        Assert.Equal("20261103T000000Z-0003", RunRecord.Latest(State, "HOST01")!.RunId);
    }

    /// <summary>An untagged journal of another host is set aside by its first line; what follows it is not this host's.</summary>
    [Fact]
    public void AnUntaggedJournalOfAnotherHostDoesNotCountForThisHost()
    {
        Journal(Naming.RunIdOnly, "20261102T000000Z-0002", "HOST01", complete: true, deferred: ["Sql"]);
        var other = Journal(Naming.RunIdOnly, "20261103T000000Z-0003", "OTHER", complete: false);
        File.AppendAllText(other, "{\"event\":\"restart\",\"service\":\"Sql\",\"outcome\":\"restarted\"}\n" + new string('x', 200_000) + "\n");

        Assert.Equal(["Sql"], Pending(State, "HOST01"));
        Assert.Equal("20261102T000000Z-0002", RunRecord.Latest(State, "HOST01")!.RunId);
        Assert.Equal("20261103T000000Z-0003", RunRecord.Latest(State, "other")!.RunId);
    }

    public static TheoryData<string> HostileHostNames() =>
    [
        "../../outside", "a/b\\c", "..", ".", "CON", "NUL.txt", "COM1", "x:y*z?", "host\0name", "tab\there",
        new string('L', 5000), "h0123456789abcdef", "HOST01.h0123456789abcdef", " ", "",
    ];

    [Theory]
    [MemberData(nameof(HostileHostNames))]
    public void AHostileHostNameCannotShapeTheJournalsPathAndItsRunsAreFoundOnlyUnderIt(string host)
    {
        Journal(Naming.Tagged, "20261101T000000Z-0001", "HOST01", complete: true, deferred: ["Mine"]);
        using (var journal = new FileRunJournal(State, "20261102T000000Z-0002", host))
        {
            journal.Started("20261102T000000Z-0002", "apply", "b", host, DateTimeOffset.UnixEpoch);
        }

        var written = Directory.GetFileSystemEntries(_folder.Path, "*", SearchOption.AllDirectories).Where(File.Exists).Select(Path.GetFileName).ToList();
        Assert.Equal(2, written.Count);
        Assert.Equal(2, Directory.GetFiles(Runs).Length);
        Assert.All(written, name => Assert.Matches(JournalName(), name));
        Assert.Equal("20261102T000000Z-0002", RunRecord.Latest(State, host)!.RunId);
        Assert.Equal(host, RunRecord.Latest(State, host.ToLowerInvariant())!.Host);
        Assert.Equal("20261101T000000Z-0001", RunRecord.Latest(State, "HOST01")!.RunId);
        Assert.Equal(["Mine"], Pending(State, "HOST01"));
    }

    [Fact]
    public void AJournalRefusesAStartLineForAHostOtherThanTheOneItsNameIsFor()
    {
        using var journal = new FileRunJournal(State, "20261102T000000Z-0002", "HOST01");

        journal.Started("20261102T000000Z-0002", "apply", "b", "host01", DateTimeOffset.UnixEpoch); // case is no other host
        Assert.Throws<InvalidOperationException>(() => journal.Started("20261102T000000Z-0002", "apply", "b", "HOST02", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("20261102T000000Z-0002.jsonl", "20261102T000000Z-0002")]
    [InlineData("20261102T000000Z-0002.h0123456789abcdef.jsonl", "20261102T000000Z-0002")]
    [InlineData("20261102T000000Z-0002.h0123456789ABCDEF.jsonl", "20261102T000000Z-0002")]
    [InlineData("20261102T000000Z-0002.h0123456789abcdeg.jsonl", "20261102T000000Z-0002.h0123456789abcdeg")]
    [InlineData("20261102T000000Z-0002.x0123456789abcdef.jsonl", "20261102T000000Z-0002.x0123456789abcdef")]
    [InlineData("my.run.jsonl", "my.run")]
    public void TheRunIdOfAJournalIsItsNameWithoutTheHostTag(string name, string runId) =>
        Assert.Equal(runId, JournalFiles.RunIdOf(Path.Combine("runs", name)));

    [Fact]
    public void RunsUndoAndHistoryKnowARunByItsIdWhetherItsJournalIsTaggedOrNot()
    {
        // The undo of the untagged run finds its journal, and history finds the baseline that run applied.
        var baseline = _folder.Write("b.json", """
            { "name": "named", "resources": [
                { "id": "timeouts", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 7200 } } } } ] }
            """);
        var snapshot = _folder.Write("s.json", """{ "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "V": { "kind": "dword", "data": 600 } } } }""");
        string Apply() => (string)JObject.Parse(CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json").Out)["runId"]!;
        var tagged = Apply();
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("7200", "600", StringComparison.Ordinal));
        var untagged = Apply();
        var untaggedPath = JournalFiles.Find(State, untagged)!;
        File.Move(untaggedPath, Path.Combine(Runs, untagged + ".jsonl"));

        Assert.Equal(tagged + "." + JournalFiles.Tag("H") + ".jsonl", Path.GetFileName(JournalFiles.Find(State, tagged)));
        var listed = JObject.Parse(CliRun.Run(State, "runs", "--output", "json").Out)["runs"]!.Select(r => (string)r["runId"]!).ToList();
        Assert.Equal(new[] { tagged, untagged }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal)); // two runs in one second sort by their random part
        var undoUntagged = JObject.Parse(CliRun.Run(State, "undo", untagged, "--snapshot", snapshot, "--output", "json").Out);
        Assert.Equal("changed", (string)undoUntagged["resources"]![0]!["status"]!);
        var undoTagged = CliRun.Run(State, "undo", tagged, "--snapshot", snapshot, "--what-if", "--output", "json");
        Assert.Equal("run " + tagged, (string)JObject.Parse(undoTagged.Out)["baseline"]!);
        var byFileName = CliRun.Run(State, "undo", Path.GetFileNameWithoutExtension(JournalFiles.Find(State, tagged))!, "--snapshot", snapshot, "--what-if", "--output", "json");
        Assert.Equal("run " + tagged, (string)JObject.Parse(byFileName.Out)["baseline"]!);
        var history = JObject.Parse(CliRun.Run(State, "history", "--output", "json").Out);
        Assert.Equal(3, (int)history["runsRead"]!);
        Assert.All(history["settings"]!, s => Assert.Equal("named", (string)s["baseline"]!));
    }

    [Theory]
    [InlineData("../runs/x")]
    [InlineData("*")]
    [InlineData("")]
    public void UndoOfAnIdThatIsNoRunSaysSoInOneSentence(string runId)
    {
        Journal(Naming.Tagged, "20261102T000000Z-0002", "H", complete: true);

        var (exit, _, error) = CliRun.Run(State, "undo", runId, "--snapshot", _folder.Write("s.json", """{ "computerName": "H" }"""));

        Assert.Equal(1, exit);
        Assert.Contains($"there is no run {runId} in ", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{4}(\.h[0-9a-f]{16})?\.jsonl$")]
    private static partial Regex JournalName();
}
