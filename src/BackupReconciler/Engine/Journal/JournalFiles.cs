using System.Globalization;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// How journals are named in <c>&lt;state&gt;/runs</c>, and how a run finds its own host's journals without
/// opening anyone else's: a state directory shared by a fleet holds thousands of journals of other hosts, and
/// every plan and apply asks for this host's newest runs.
/// <para>
/// A journal is <c>&lt;runId&gt;.&lt;tag&gt;.jsonl</c>, the tag being <c>h</c> and 16 hex digits of a hash of
/// the host name with ASCII letters folded to upper case. The name is only a filter: the start line stays what
/// says whose run it is, so a collision of tags costs an opened file, never a wrong answer. A hash, not an
/// escaped host name, because it is short whatever the name's length and made only of [0-9a-h]: no slash,
/// dot, <c>..</c>, device name (CON, NUL) or case that a file system could read differently.
/// </para>
/// <para>
/// Journals named <c>&lt;runId&gt;.jsonl</c> carry no tag: those older builds wrote, and those of hosts whose
/// name is not all ASCII (whose case folding is Unicode's, which a hash of ASCII folding cannot stand for).
/// They are opened by every lookup, as all journals were before. A lookup for a non-ASCII host name opens
/// every journal: it may equal an ASCII name ignoring case.
/// </para>
/// </summary>
public static class JournalFiles
{
    private const string Extension = ".jsonl";
    private const int TagLength = 17; // 'h' and 16 hex digits
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Where a run of <paramref name="host"/> with id <paramref name="runId"/> writes its journal.</summary>
    public static string PathFor(string stateDirectory, string runId, string host) =>
        Path.Combine(FileRunJournal.RunsFolder(stateDirectory), (Tag(host) is { } tag ? runId + "." + tag : runId) + Extension);

    /// <summary>The host tag of the journals of <paramref name="host"/>; null for a name that is not all ASCII (or empty), whose journals are not tagged.</summary>
    public static string? Tag(string host)
    {
        if (host.Length == 0 || !host.All(char.IsAscii))
        {
            return null;
        }

        // FNV-1a, 64 bits: stable across processes and builds (string.GetHashCode is not), and no cryptography
        // to load at start-up (SHA-256 loads OpenSSL on Linux, see RunId). Nothing is protected by the hash:
        // a forged collision only makes a lookup open a journal it then rejects by its start line.
        var hash = 14695981039346656037UL;
        foreach (var c in host)
        {
            hash = (hash ^ (char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c)) * 1099511628211UL;
        }

        return "h" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The run id of a journal, from its file name: the name without the host tag and the extension.</summary>
    public static string RunIdOf(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return TagOf(stem) is null ? stem : stem[..^(TagLength + 1)];
    }

    /// <summary>Every journal, newest first (run ids sort by time).</summary>
    public static IEnumerable<string> NewestFirst(string stateDirectory) => All(stateDirectory).OrderDescending(StringComparer.Ordinal);

    /// <summary>Every journal, oldest first.</summary>
    public static IEnumerable<string> OldestFirst(string stateDirectory) => All(stateDirectory).Order(StringComparer.Ordinal);

    /// <summary>
    /// False only when the file name proves the journal is not a run of <paramref name="host"/> (its tag is another
    /// host's); the caller still checks the start line of every journal this lets through. The empty host name rules
    /// nothing out: a journal <see cref="RunRecord"/> cannot read has the empty host, as it always had.
    /// </summary>
    public static bool MayBeOf(string path, string host)
    {
        if (TagOf(Path.GetFileNameWithoutExtension(path)) is not { } tag || Tag(host) is not { } wanted)
        {
            return true;
        }

        return tag.Equals(wanted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the file name carries a host tag (a journal this build or a later one wrote, of an ASCII-named host).</summary>
    public static bool IsTagged(string path) => TagOf(Path.GetFileNameWithoutExtension(path)) is not null;

    /// <summary>
    /// The journal of run <paramref name="runId"/> (or of the file name without <c>.jsonl</c>, as a listing of the
    /// folder shows it), or null. Compared with the names listed, never joined into a path: the id is typed by a person.
    /// </summary>
    public static string? Find(string stateDirectory, string runId) =>
        All(stateDirectory).Order(StringComparer.Ordinal).FirstOrDefault(path =>
            RunIdOf(path).Equals(runId, StringComparison.OrdinalIgnoreCase) || Path.GetFileNameWithoutExtension(path).Equals(runId, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> All(string stateDirectory)
    {
        var folder = FileRunJournal.RunsFolder(stateDirectory);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*" + Extension) : [];
    }

    /// <summary>The host tag in a file name without its extension ("ID.h0123456789abcdef"), or null for an untagged name.</summary>
    private static string? TagOf(string stem)
    {
        if (stem.Length <= TagLength + 1 || stem[^(TagLength + 1)] != '.' || stem[^TagLength] is not ('h' or 'H'))
        {
            return null;
        }

        var tag = stem[^TagLength..];
        return tag.AsSpan(1).ContainsAnyExcept(HexDigits) ? null : tag;
    }
}
