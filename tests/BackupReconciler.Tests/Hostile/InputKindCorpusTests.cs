using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, items 5 and 8, second class: every input kind (baseline, include, vars file, snapshot, saved
/// plan) × every file that is not a JSON file to read (FIFO, socket, character device through a link, a link
/// to a FIFO, one byte over the size limit), each with its exact outcome: exit 1, one located sentence, the
/// snapshot unchanged, no journal. Nothing blocks (a FIFO is refused before it is opened) and nothing grows
/// (a device is refused, a file is counted while read).
/// </summary>
public sealed class InputKindCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static readonly string[] Kinds = ["baseline", "include", "vars file", "snapshot", "saved plan"];

    public static readonly string[] Hostile = ["FIFO", "socket", "link to /dev/zero", "link to a FIFO", "one byte over the limit"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds)
        {
            foreach (var hostile in Hostile)
            {
                data.Add(kind, hostile);
            }
        }

        return data;
    }

    private static long Limit(string kind) => kind switch
    {
        "baseline" or "include" => 4L * 1024 * 1024,
        "vars file" => 1024 * 1024,
        _ => 64L * 1024 * 1024,
    };

    /// <summary>The exact line apply (or plan, for a vars file) prints; the hostile file is &lt;file&gt;.</summary>
    private static string Expected(string kind, string hostile) => (kind, hostile) switch
    {
        ("include", "link to /dev/zero") => "<dir>/b/baseline.json(1,35): the include \"x.json\" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.",
        (_, "FIFO" or "link to a FIFO") => "<file>: this is a FIFO (named pipe), not a regular file, so it was not read; give the path of a JSON file.",
        (_, "socket") => "<file>: this is a socket, not a regular file, so it was not read; give the path of a JSON file.",
        (_, "link to /dev/zero") => "<file>: this is a character device, not a regular file, so it was not read; give the path of a JSON file.",
        _ => string.Create(CultureInfo.InvariantCulture, $"<file>: the file is {Limit(kind) + 1:N0} bytes, more than the {Limit(kind):N0} allowed; this is not a file this tool writes or expects."),
    };

    [OnLinuxTheory("FIFOs, sockets and /dev/zero as made here are Linux's")]
    [MemberData(nameof(Cases))]
    public void AnInputThatIsNotAFileToReadIsRefusedBeforeReadingWithItsExactMessage(string kind, string hostile)
    {
        Directory.CreateDirectory(_folder.Combine("b"));
        var baseline = _folder.Write("b/baseline.json", kind == "include"
            ? """{ "name": "t", "include": ["x.json"], "resources": [] }"""
            : """{ "name": "t", "resources": [ { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } } ] }""");
        var snapshot = _folder.Write("snapshot.json", """{ "computerName": "H1", "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 1 } } } }""");
        var target = kind switch
        {
            "baseline" => baseline,
            "include" => _folder.Combine("b/x.json"),
            "snapshot" => snapshot,
            _ => _folder.Combine("input.json"),
        };
        File.Delete(target);
        using var socket = Make(target, hostile, Limit(kind));
        var before = File.Exists(snapshot) && kind != "snapshot" ? File.ReadAllBytes(snapshot) : null;
        var state = _folder.Combine("state");

        string[] args = kind switch
        {
            "vars file" => ["plan", baseline, "--snapshot", snapshot, "--vars", target],
            "saved plan" => ["apply", baseline, "--snapshot", snapshot, "--plan", target],
            _ => ["apply", baseline, "--snapshot", snapshot],
        };
        var clock = Stopwatch.StartNew();
        var (exit, output, error) = CliRun.Run(state, args);

        var shown = Regex.Replace(error.Replace(target, "<file>", StringComparison.Ordinal).Replace(_folder.Path, "<dir>", StringComparison.Ordinal), @"\s+$", "");
        Assert.Equal("error: " + Expected(kind, hostile), shown);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        if (before is not null)
        {
            Assert.Equal(before, File.ReadAllBytes(snapshot));
        }

        Assert.False(Directory.Exists(Path.Combine(state, "runs")) && Directory.EnumerateFiles(Path.Combine(state, "runs")).Any(), "a refused run wrote a journal");
    }

    /// <summary>Makes the hostile file at <paramref name="path"/>; a socket stays bound until disposed.</summary>
    private IDisposable? Make(string path, string hostile, long limit)
    {
        switch (hostile)
        {
            case "FIFO":
                MakeFifo(path);
                return null;
            case "link to a FIFO":
                var fifo = Path.Combine(Path.GetDirectoryName(path)!, "real-fifo");
                MakeFifo(fifo);
                File.CreateSymbolicLink(path, fifo);
                return null;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                return socket;
            case "link to /dev/zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                return null;
            default:
                using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                {
                    stream.Write("{ \"name\": \"t\" "u8);
                    stream.SetLength(limit + 1); // sparse where the file system allows
                }

                return null;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
