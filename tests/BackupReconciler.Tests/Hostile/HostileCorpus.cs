using System.Text;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// One hostile input: the baseline (b/baseline.json) or snapshot (snapshot.json) it replaces, its
/// bytes (or a step that makes a file too large to keep in the repository), and the one line apply
/// must print: "error: " and this text, with the case's folder written as &lt;dir&gt;.
/// </summary>
public sealed record HostileCase(string Name, HostileFile File, Func<TempFolder, byte[]> Content, string Expected)
{
    public override string ToString() => Name;
}

public enum HostileFile
{
    Baseline,
    Snapshot,
}

/// <summary>
/// The corpus: malformed JSON, empty and huge files, deep nesting, serializer metadata at every level,
/// wrong encodings, path traversal in includes, control characters and NUL bytes, values just past
/// their type's limits, duplicate members, wrong types, unknown snapshot sections and bad faults.
/// Generated here, never committed as files: the huge ones would not fit, the binary ones would not diff.
/// </summary>
public static class HostileCorpus
{
    /// <summary>A valid baseline that would change the valid snapshot: refusing the hostile other file is what keeps it unchanged.</summary>
    public const string GoodBaseline = """
        { "name": "hostile", "resources": [
            { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } } ] }
        """;

    public const string GoodSnapshot = """
        { "computerName": "H1", "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 1 } } } }
        """;

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    /// <summary>A baseline of one resource with these properties, on one line (columns in expectations count from its start).</summary>
    private static string Resource(string type, string properties) =>
        $$"""{ "name": "t", "resources": [ { "id": "r", "type": "{{type}}", "properties": {{properties}} } ] }""";

    private static string Snapshot(string members) => $$"""{ "computerName": "H1", {{members}} }""";

    private static string Deep(int levels, string open, string close, string inner) =>
        string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        void Baseline(string name, string text, string expected) => cases.Add(new(name, HostileFile.Baseline, _ => Encoding.UTF8.GetBytes(text), expected));
        void BaselineBytes(string name, byte[] bytes, string expected) => cases.Add(new(name, HostileFile.Baseline, _ => bytes, expected));
        void BaselineMade(string name, Func<TempFolder, byte[]> make, string expected) => cases.Add(new(name, HostileFile.Baseline, make, expected));
        void Snap(string name, string text, string expected) => cases.Add(new(name, HostileFile.Snapshot, _ => Encoding.UTF8.GetBytes(text), expected));
        void SnapBytes(string name, byte[] bytes, string expected) => cases.Add(new(name, HostileFile.Snapshot, _ => bytes, expected));
        void SnapMade(string name, Func<TempFolder, byte[]> make, string expected) => cases.Add(new(name, HostileFile.Snapshot, make, expected));

        // ---- malformed JSON
        Baseline("baseline truncated", """{ "name": "t", "resources": [""", """<dir>/b/baseline.json(1,29): the file is not valid JSON: it ends inside an array that is not closed with ']'; fix the syntax there.""");
        Baseline("baseline member without colon", """{ "name" "t", "resources": [] }""", """<dir>/b/baseline.json(1,9): the file is not valid JSON: Invalid character after parsing property name. Expected ':' but got: "; fix the syntax there.""");
        Baseline("baseline content after the end", """{ "name": "t", "resources": [] } { }""", """<dir>/b/baseline.json(1,33): the file is not valid JSON: Additional text encountered after finished reading JSON content: {; fix the syntax there.""");
        Baseline("baseline unterminated string", """{ "name": "t""", """<dir>/b/baseline.json(1,12): the file is not valid JSON: Unterminated string. Expected delimiter: "; fix the syntax there.""");
        Baseline("baseline bare word value", """{ "name": nothing, "resources": [] }""", """<dir>/b/baseline.json(1,10): the file is not valid JSON: Unexpected character encountered while parsing value: n; fix the syntax there.""");
        Baseline("baseline NaN", Resource("freeSpace", """{ "path": "C:\\", "minimumFreePercent": NaN }"""), """<dir>/b/baseline.json(1,121): the file is not valid JSON: Cannot read NaN value; fix the syntax there.""");
        Baseline("baseline that is a string", "\"just text\"", """<dir>/b/baseline.json(1,11): the baseline must be a JSON object { ... }; found the string "just text".""");
        Baseline("baseline that is an array", "[ { \"name\": \"t\" } ]", """<dir>/b/baseline.json(1,1): the baseline must be a JSON object { ... }; found an array.""");
        Snap("snapshot truncated", """{ "computerName": "H1", "registry": {""", """<dir>/snapshot.json(1,37): the file is not valid JSON: it ends inside an object that is not closed with '}'; fix the syntax there.""");
        Snap("snapshot that is an array", "[1, 2]", """<dir>/snapshot.json(1,1): the snapshot must be a JSON object { ... }; found an array.""");
        Snap("snapshot bad escape", """{ "computerName": "H\q" }""", """<dir>/snapshot.json(1,22): the file is not valid JSON: Bad JSON escape sequence: \q; fix the syntax there.""");

        // ---- empty files
        BaselineBytes("baseline empty", [], """<dir>/b/baseline.json(1,1): the file is empty; it must hold a JSON object { ... }.""");
        BaselineBytes("baseline of white space", "  \r\n\t "u8.ToArray(), """<dir>/b/baseline.json(1,1): the file is empty; it must hold a JSON object { ... }.""");
        BaselineBytes("baseline of a byte order mark only", [0xEF, 0xBB, 0xBF], """<dir>/b/baseline.json(1,1): the file is empty; it must hold a JSON object { ... }.""");
        SnapBytes("snapshot empty", [], """<dir>/snapshot.json(1,1): the file is empty; it must hold a JSON object { ... }.""");

        // ---- huge files, made at test time (sparse where the file system allows)
        BaselineMade("baseline over 4 MiB", folder => Sparse(folder, "b/baseline.json", 4L * 1024 * 1024 + 1), """<dir>/b/baseline.json: the file is 4,194,305 bytes, more than the 4,194,304 allowed; this is not a file this tool writes or expects.""");
        SnapMade("snapshot over 64 MiB", folder => Sparse(folder, "snapshot.json", 64L * 1024 * 1024 + 1), """<dir>/snapshot.json: the file is 67,108,865 bytes, more than the 67,108,864 allowed; this is not a file this tool writes or expects.""");
        BaselineMade("include over 4 MiB", folder =>
        {
            Sparse(folder, "b/big.json", 5L * 1024 * 1024);
            return Encoding.UTF8.GetBytes("""{ "name": "t", "include": ["big.json"] }""");
        }, """<dir>/b/big.json: the file is 5,242,880 bytes, more than the 4,194,304 allowed; this is not a file this tool writes or expects.""");

        // ---- 20,000-deep nesting
        Baseline("baseline nested 20,000 arrays deep", Deep(20_000, "[", "]", ""), """<dir>/b/baseline.json(1,65): the JSON is nested more than 64 levels deep; no valid file is, so this one is damaged or hostile.""");
        Baseline("baseline nested 20,000 objects deep in properties", Resource("jsonFile", """{ "path": "C:\\a.json", "set": { "k": """ + Deep(20_000, """{ "a": """, "}", "1") + " } }"), """<dir>/b/baseline.json(1,529): the JSON is nested more than 64 levels deep; no valid file is, so this one is damaged or hostile.""");
        Snap("snapshot nested 20,000 arrays deep in a section", Snapshot("\"events\": " + Deep(20_000, "[", "]", "")), """<dir>/snapshot.json(1,98): the JSON is nested more than 64 levels deep; no valid file is, so this one is damaged or hostile.""");
        BaselineMade("include nested 20,000 objects deep", folder =>
        {
            folder.Write("b/deep.json", "{ \"resources\": " + Deep(20_000, "{ \"x\": ", "}", "1") + " }");
            return Encoding.UTF8.GetBytes("""{ "name": "t", "include": ["deep.json"] }""");
        }, """<dir>/b/deep.json(1,457): the JSON is nested more than 64 levels deep; no valid file is, so this one is damaged or hostile.""");

        // ---- serializer metadata at every level
        Baseline("$type at the baseline's root", """{ "$type": "System.Object", "name": "t", "resources": [] }""", """<dir>/b/baseline.json(1,10): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type as a parameter", """{ "name": "t", "parameters": { "$type": { "type": "string" } }, "resources": [] }""", """<dir>/b/baseline.json(1,39): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type in a parameter", """{ "name": "t", "parameters": { "P": { "type": "string", "$type": "x" } }, "resources": [] }""", """<dir>/b/baseline.json(1,64): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type in a resource", """{ "name": "t", "resources": [ { "$type": "System.IO.FileInfo, System.IO", "id": "r", "type": "registry", "properties": {} } ] }""", """<dir>/b/baseline.json(1,40): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type in properties", Resource("service", """{ "name": "VSS", "state": "running", "$type": "x" }"""), """<dir>/b/baseline.json(1,121): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type as a registry value name", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "$type": { "kind": "dword", "data": 1 } } }"""), """<dir>/b/baseline.json(1,127): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type in a registry value", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 1, "$type": "x" } } }"""), """<dir>/b/baseline.json(1,162): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$type deep in a jsonFile value", Resource("jsonFile", """{ "path": "C:\\a.json", "set": { "k": { "inner": [ { "$type": "System.Windows.Data.ObjectDataProvider, PresentationFramework" } ] } } }"""), """<dir>/b/baseline.json(1,138): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$ref in a resource", """{ "name": "t", "resources": [ { "$ref": "1" } ] }""", """<dir>/b/baseline.json(1,39): the member "$ref" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$id at the root", """{ "$id": "1", "name": "t", "resources": [] }""", """<dir>/b/baseline.json(1,8): the member "$id" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Baseline("$values as a jsonFile key", Resource("jsonFile", """{ "path": "C:\\a.json", "set": { "$values": [] } }"""), """<dir>/b/baseline.json(1,120): the member "$values" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type at the snapshot's root", Snapshot("\"$type\": \"System.Object\""), """<dir>/snapshot.json(1,32): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type as a service name", Snapshot("""  "services": { "$type": { "state": "running" } }"""), """<dir>/snapshot.json(1,48): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type in a service", Snapshot("""  "services": { "S": { "state": "running", "$type": "x" } }"""), """<dir>/snapshot.json(1,75): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type as a registry value name in the snapshot", Snapshot("""  "registry": { "HKLM\\SOFTWARE\\X": { "$type": { "kind": "dword", "data": 1 } } }"""), """<dir>/snapshot.json(1,71): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type in a firewall rule", Snapshot("""  "firewallRules": [ { "name": "R", "$type": "x" } ]"""), """<dir>/snapshot.json(1,68): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type in a fault", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "$type": "x" } ]"""), """<dir>/snapshot.json(1,92): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type in a SQL job", Snapshot("""  "sqlInstances": { "I": { "jobs": [ { "name": "j", "enabled": true, "owner": "sa", "$type": "x" } ] } }"""), """<dir>/snapshot.json(1,116): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");
        Snap("$type as a fact", Snapshot("""  "facts": { "$type": "x" }"""), """<dir>/snapshot.json(1,45): the member "$type" is serializer metadata that this tool never reads or acts on, at any depth; remove it.""");

        // ---- wrong encodings
        BaselineBytes("baseline in UTF-16 LE without BOM", Encoding.Unicode.GetBytes(GoodBaseline), """<dir>/b/baseline.json(1,2): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");
        BaselineBytes("baseline in UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(GoodBaseline), """<dir>/b/baseline.json(1,1): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");
        BaselineBytes("baseline in Latin-1", Encoding.Latin1.GetBytes("{ \"name\": \"t\",\n  \"description\": \"café\", \"resources\": [] }"), """<dir>/b/baseline.json(2,22): the file is neither UTF-8 nor UTF-16 with a byte order mark (byte 0xE9 here is not UTF-8; Windows-1252 or Latin-1 text looks like this); save it as UTF-8.""");
        BaselineBytes("baseline in UTF-32 LE with BOM", [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes(GoodBaseline)], """<dir>/b/baseline.json(1,1): the file is UTF-32, which this tool does not read; save it as UTF-8.""");
        BaselineBytes("baseline in UTF-32 BE with BOM", [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, false).GetBytes(GoodBaseline)], """<dir>/b/baseline.json(1,1): the file is UTF-32, which this tool does not read; save it as UTF-8.""");
        BaselineBytes("baseline in UTF-32 LE without BOM", new UTF32Encoding(false, false).GetBytes(GoodBaseline), """<dir>/b/baseline.json(1,2): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");
        SnapBytes("snapshot in UTF-16 LE without BOM", Encoding.Unicode.GetBytes(GoodSnapshot), """<dir>/snapshot.json(1,2): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");
        SnapBytes("snapshot in Latin-1", Encoding.Latin1.GetBytes("{ \"computerName\": \"H1\", \"facts\": { \"Owner\": \"Müller\" } }"), """<dir>/snapshot.json(1,47): the file is neither UTF-8 nor UTF-16 with a byte order mark (byte 0xFC here is not UTF-8; Windows-1252 or Latin-1 text looks like this); save it as UTF-8.""");

        // ---- path traversal in include (outside.json exists beside the baseline's folder)
        Baseline("include ../outside.json", """{ "name": "t", "include": ["../outside.json"] }""", """<dir>/b/baseline.json(1,44): the include "../outside.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include ..\\outside.json", """{ "name": "t", "include": ["..\\outside.json"] }""", """<dir>/b/baseline.json(1,45): the include "..\outside.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include sub/../../outside.json", """{ "name": "t", "include": ["sub/../../outside.json"] }""", """<dir>/b/baseline.json(1,51): the include "sub/../../outside.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include /etc/passwd", """{ "name": "t", "include": ["/etc/passwd"] }""", """<dir>/b/baseline.json(1,40): the include "/etc/passwd" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include C:\\Windows\\win.ini", """{ "name": "t", "include": ["C:\\Windows\\win.ini"] }""", """<dir>/b/baseline.json(1,49): the include "C:\Windows\win.ini" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include c:outside.json", """{ "name": "t", "include": ["c:outside.json"] }""", """<dir>/b/baseline.json(1,43): the include "c:outside.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include \\\\server\\share\\x.json", """{ "name": "t", "include": ["\\\\server\\share\\x.json"] }""", """<dir>/b/baseline.json(1,54): the include "\\server\share\x.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");
        Baseline("include \\rooted.json", """{ "name": "t", "include": ["\\rooted.json"] }""", """<dir>/b/baseline.json(1,42): the include "\rooted.json" leaves the baseline's folder (<dir>/b); include files from that folder or below, by relative path.""");

        BaselineMade("include cycle", folder =>
        {
            folder.Write("b/one.json", """{ "include": ["two.json"] }""");
            folder.Write("b/two.json", """{ "include": ["one.json"] }""");
            return Encoding.UTF8.GetBytes("""{ "name": "t", "include": ["one.json"] }""");
        }, """<dir>/b/two.json(1,24): the include "one.json" includes a file that is already including it (a cycle); remove one of the includes.""");

        // ---- control characters and NUL bytes
        Baseline("ESC in the baseline's name", """{ "name": "t\u001b[2J", "resources": [] }""", """<dir>/b/baseline.json(1,22): "name" holds the control character U+001B; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("BEL in an id", """{ "name": "t", "resources": [ { "id": "a\u0007", "type": "service", "properties": { "name": "VSS", "state": "running" } } ] }""", """<dir>/b/baseline.json(1,47): "id" holds the control character U+0007; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("U+0001 in a registry key", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X\u0001", "values": { "A": { "kind": "dword", "data": 1 } } }"""), """<dir>/b/baseline.json(1,111): "key" holds the control character U+0001; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("BEL in a registry value name", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A\u0007": { "kind": "dword", "data": 1 } } }"""), """<dir>/b/baseline.json(1,129): a member name holds the control character U+0007; names never need one, and it would garble reports and logs; remove it.""");
        Baseline("NUL in registry string data", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "string", "data": "x\u0000y" } } }"""), """<dir>/b/baseline.json(1,162): "data" holds the control character U+0000; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("ESC in a multiString entry", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "multiString", "data": ["ok", "\u001b]0;pwned\u0007"] } } }"""), """<dir>/b/baseline.json(1,186): an entry of "data" holds the control character U+001B; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("right-to-left override in a service name", Resource("service", """{ "name": "VSS\u202Eexe.", "state": "running" }"""), """<dir>/b/baseline.json(1,101): "name" holds the control character U+202E; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Baseline("DEL in a jsonFile value", Resource("jsonFile", """{ "path": "C:\\a.json", "set": { "k": "x\u007fy" } }"""), """<dir>/b/baseline.json(1,125): "k" holds the control character U+007F; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        BaselineBytes("raw NUL byte in the baseline", [.. "{ \"name\": \"t"u8, 0x00, .. "\", \"resources\": [] }"u8], """<dir>/b/baseline.json(1,13): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");
        BaselineBytes("raw ESC byte in the baseline", [.. "{ \"name\": \"t"u8, 0x1B, .. "\", \"resources\": [] }"u8], """<dir>/b/baseline.json(1,14): "name" holds the control character U+001B; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Snap("ESC in the computer name", """{ "computerName": "H1\u001b[31m" }""", """<dir>/snapshot.json(1,32): "computerName" holds the control character U+001B; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        Snap("U+0002 in a service name", Snapshot("""  "services": { "S\u0002": { "state": "running" } }"""), """<dir>/snapshot.json(1,50): a member name holds the control character U+0002; names never need one, and it would garble reports and logs; remove it.""");
        Snap("NUL in an event message", Snapshot("""  "events": [ { "source": "S", "id": 1, "time": "2026-11-22T00:00:00Z", "message": "a\u0000b" } ]"""), """<dir>/snapshot.json(1,117): "message" holds the control character U+0000; settings never need one (tabs and line breaks aside), and it would garble reports and logs; remove it.""");
        SnapBytes("raw NUL byte in the snapshot", [.. "{ \"computerName\": \"H1"u8, 0x00, .. "\" }"u8], """<dir>/snapshot.json(1,22): the file holds a NUL character here: it is UTF-16 or UTF-32 without a byte order mark, or not text at all; save it as UTF-8.""");

        // ---- values just past their type's limits (the limits themselves are accepted: see HostileInputTests)
        Baseline("dword 4294967296", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 4294967296 } } }"""), """<dir>/b/baseline.json(1,161): "data" of value "A" of resource "r" (registry) must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found the number 4294967296.""");
        Baseline("dword 0x100000000", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": "0x100000000" } } }"""), """<dir>/b/baseline.json(1,164): "data" of value "A" of resource "r" (registry) must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found the string "0x100000000".""");
        Baseline("dword -1", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": -1 } } }"""), """<dir>/b/baseline.json(1,153): "data" of value "A" of resource "r" (registry) must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found the number -1.""");
        Baseline("dword 1.5", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 1.5 } } }"""), """<dir>/b/baseline.json(1,154): "data" of value "A" of resource "r" (registry) must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found the number 1.5.""");
        Baseline("qword 18446744073709551616", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "qword", "data": 18446744073709551616 } } }"""), """<dir>/b/baseline.json(1,171): "data" of value "A" of resource "r" (registry) must be a number from 0 to 18446744073709551615 (or "0x...") for kind "qword"; found the number 18446744073709551616.""");
        Baseline("qword atLeast 18446744073709551616", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "qword", "atLeast": 18446744073709551616 } } }"""), """<dir>/b/baseline.json(1,174): "data" of value "A" of resource "r" (registry) must be a number from 0 to 18446744073709551615 (or "0x...") for kind "qword"; found the number 18446744073709551616.""");
        Baseline("port 65536", Resource("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": [65536] }"""), """<dir>/b/baseline.json(1,135): "localPorts" of resource "r" (firewallRule) has the port 65536, outside 0 to 65535; use ports from 0 to 65535.""");
        Baseline("port range to 65536", Resource("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": ["49152-65536"] }"""), """<dir>/b/baseline.json(1,143): "localPorts" of resource "r" (firewallRule) has the range 49152-65536, which goes outside 0 to 65535; use ports from 0 to 65535.""");
        Baseline("port -1", Resource("firewallRule", """{ "name": "R", "protocol": "tcp", "remotePorts": ["-1"] }"""), """<dir>/b/baseline.json(1,135): "remotePorts" of resource "r" (firewallRule) has "-1", which is not a port; use a port such as "445", a range such as "49152-65535", a keyword (RPC, RPCEPMap, Teredo, IPHTTPSIn, IPHTTPSOut, DHCP, PlayToDiscovery, mDNS), or "any".""");
        Baseline("shadow storage of -1 bytes", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": -1 }"""), """<dir>/b/baseline.json(1,134): "maxSize" of resource "r" (shadowStorage) is -1: a size cannot be negative; give bytes (1073741824), a size with a unit ("900MB", "20GB", "1.5TB"), a percentage of the storage volume ("10%") or "unbounded".""");
        Baseline("shadow storage of -1GB", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "-1GB" }"""), """<dir>/b/baseline.json(1,138): "maxSize" of resource "r" (shadowStorage) is "-1GB": a size cannot be negative; give bytes (1073741824), a size with a unit ("900MB", "20GB", "1.5TB"), a percentage of the storage volume ("10%") or "unbounded".""");
        Baseline("shadow storage of 0 bytes", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": 0 }"""), """<dir>/b/baseline.json(1,133): "maxSize" of resource "r" (shadowStorage) is 0: a limit of zero would delete the shadow storage and its shadow copies; give a size above zero, a percentage such as "10%", or "unbounded".""");
        Baseline("shadow storage of 0%", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "0%" }"""), """<dir>/b/baseline.json(1,136): "maxSize" of resource "r" (shadowStorage) is "0%": a percentage of the storage volume must be more than 0% and at most 100%.""");
        Baseline("shadow storage of 100.5%", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "100.5%" }"""), """<dir>/b/baseline.json(1,140): "maxSize" of resource "r" (shadowStorage) is "100.5%": a percentage of the storage volume must be more than 0% and at most 100%.""");
        Baseline("shadow storage of 8 EB", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": 9223372036854775808 }"""), """<dir>/b/baseline.json(1,151): "maxSize" of resource "r" (shadowStorage) is 9223372036854775808: that is more than Windows can hold (8 EB); use "unbounded" for no limit.""");
        Baseline("shadow storage of 9EB", Resource("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "9EB" }"""), """<dir>/b/baseline.json(1,137): "maxSize" of resource "r" (shadowStorage) is "9EB": that is more than Windows can hold (8 EB); use "unbounded" for no limit.""");
        Baseline("free space 0%", Resource("freeSpace", """{ "path": "C:\\", "minimumFreePercent": 0 }"""), """<dir>/b/baseline.json(1,119): "minimumFreePercent" of resource "r" (freeSpace) is the number 0; give a number above 0 and at most 100, such as 10.""");
        Baseline("free space 100.5%", Resource("freeSpace", """{ "path": "C:\\", "minimumFreePercent": 100.5 }"""), """<dir>/b/baseline.json(1,123): "minimumFreePercent" of resource "r" (freeSpace) is the number 100.5; give a number above 0 and at most 100, such as 10.""");
        Baseline("free space -5%", Resource("freeSpace", """{ "path": "C:\\", "minimumFreePercent": -5 }"""), """<dir>/b/baseline.json(1,120): "minimumFreePercent" of resource "r" (freeSpace) is the number -5; give a number above 0 and at most 100, such as 10.""");
        Baseline("window of 3651 days", Resource("eventLogQuiet", """{ "source": "S", "eventIds": [208], "within": "3651d" }"""), """<dir>/b/baseline.json(1,135): "within" of resource "r" (eventLogQuiet) is "3651d"; give a positive duration of at most 3650d in days, hours and minutes, such as "24h", "30m", "7d" or "1h30m".""");
        Baseline("window of 87601 hours", Resource("eventLogQuiet", """{ "source": "S", "eventIds": [208], "within": "87601h" }"""), """<dir>/b/baseline.json(1,136): "within" of resource "r" (eventLogQuiet) is "87601h"; give a positive duration of at most 3650d in days, hours and minutes, such as "24h", "30m", "7d" or "1h30m".""");
        Baseline("window of 0 minutes", Resource("eventLogQuiet", """{ "source": "S", "eventIds": [208], "within": "0m" }"""), """<dir>/b/baseline.json(1,132): "within" of resource "r" (eventLogQuiet) is "0m"; give a positive duration of at most 3650d in days, hours and minutes, such as "24h", "30m", "7d" or "1h30m".""");
        Baseline("event id 65536", Resource("eventLogQuiet", """{ "source": "S", "eventIds": [65536], "within": "24h" }"""), """<dir>/b/baseline.json(1,117): "eventIds" of resource "r" (eventLogQuiet) is 65536, outside the range 0 to 65535; use a value in that range.""");
        Baseline("minimum age of 3651 days", Resource("tempFiles", """{ "directory": "C:\\Windows\\Temp", "maxCount": 1, "minAge": "3651d" }"""), """<dir>/b/baseline.json(1,146): "minAge" of resource "r" (tempFiles) is "3651d"; write a duration such as "1d", "12h", "1d12h", "30m" or "90s".""");
        Baseline("maximum count -1", Resource("tempFiles", """{ "directory": "C:\\Windows\\Temp", "maxCount": -1 }"""), """<dir>/b/baseline.json(1,128): "maxCount" of resource "r" (tempFiles) is -1, outside the range 0 to 2147483647; use a value in that range.""");
        Baseline("maximum count 2147483648", Resource("tempFiles", """{ "directory": "C:\\Windows\\Temp", "maxCount": 2147483648 }"""), """<dir>/b/baseline.json(1,136): "maxCount" of resource "r" (tempFiles) is 2147483648, outside the range 0 to 2147483647; use a value in that range.""");
        Snap("volume of -1 bytes", Snapshot("""  "volumes": { "C:": { "sizeBytes": -1, "freeBytes": 0 } }"""), """<dir>/snapshot.json(1,62): "sizeBytes" of volume "C:" is -1, outside the range 0 to 9223372036854775807; use a value in that range.""");
        Snap("more free than size", Snapshot("""  "volumes": { "C:": { "sizeBytes": 10, "freeBytes": 11 } }"""), """<dir>/snapshot.json(1,79): "freeBytes" of volume "C:" is 11, outside the range 0 to 10; use a value in that range.""");
        Snap("shadow storage limit of 0", Snapshot("""  "shadowStorage": [ { "forVolume": "C:", "onVolume": "C:", "maxSizeBytes": 0 } ]"""), """<dir>/snapshot.json(1,101): "maxSizeBytes" of a shadow storage association is 0, outside the range 1 to 9223372036854775807; use a value in that range.""");
        Snap("snapshot dword 4294967296", Snapshot("""  "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 4294967296 } } }"""), """<dir>/snapshot.json(1,105): "data" of value "A" of key "HKLM\SOFTWARE\X" must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found the number 4294967296.""");
        Snap("snapshot event id 65536", Snapshot("""  "events": [ { "source": "S", "id": 65536, "time": "2026-11-22T00:00:00Z" } ]"""), """<dir>/snapshot.json(1,66): "id" of an event is 65536, outside the range 0 to 65535; use a value in that range.""");

        // ---- duplicate members, also those Windows treats as one name
        Baseline("baseline member twice", """{ "name": "t", "name": "u", "resources": [] }""", """<dir>/b/baseline.json(1,22): a member appears twice in the same object (name); keep one.""");
        Baseline("ids differing in case", """{ "name": "t", "resources": [ { "id": "a", "type": "service", "properties": { "name": "VSS", "state": "running" } }, { "id": "A", "type": "service", "properties": { "name": "VSS", "state": "running" } } ] }""", """<dir>/b/baseline.json(1,118): the id "A" is used twice (ids ignore case); give each resource its own id.""");
        Baseline("registry value names differing in case", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 1 }, "a": { "kind": "dword", "data": 2 } } }"""), """<dir>/b/baseline.json(1,160): the value "a" appears twice in resource "r" (registry) (value names ignore case on Windows); keep one.""");
        Snap("snapshot member twice in a service", Snapshot("""  "services": { "S": { "state": "running", "state": "stopped" } }"""), """<dir>/snapshot.json(1,75): a member appears twice in the same object (services.S.state); keep one.""");
        Snap("service names differing in case", Snapshot("""  "services": { "S": {}, "s": {} }"""), """<dir>/snapshot.json(1,53): the service "s" appears twice (service names ignore case); keep one.""");
        Snap("registry keys in two spellings", Snapshot("""  "registry": { "HKLM\\SOFTWARE\\X": {}, "HKEY_LOCAL_MACHINE\\software\\x\\": {} }"""), """<dir>/snapshot.json(1,101): the key "HKEY_LOCAL_MACHINE\software\x\" appears twice (key names ignore case); merge them.""");

        // ---- wrong types
        Baseline("resources as an object", """{ "name": "t", "resources": {} }""", """<dir>/b/baseline.json(1,29): "resources" must be an array of resources [ { "id": ..., "type": ..., "properties": { ... } } ]; found an object.""");
        Baseline("dependsOn as a number", """{ "name": "t", "resources": [ { "id": "a", "type": "service", "dependsOn": 5, "properties": { "name": "VSS", "state": "running" } } ] }""", """<dir>/b/baseline.json(1,76): "dependsOn" of resource "a" must be an array of strings; found the number 5.""");
        Baseline("properties as an array", """{ "name": "t", "resources": [ { "id": "a", "type": "service", "properties": [] } ] }""", """<dir>/b/baseline.json(1,77): resource "a" (service) must be a JSON object { ... }; found an array.""");
        Baseline("dword data true", Resource("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": true } } }"""), """<dir>/b/baseline.json(1,155): "data" of value "A" of resource "r" (registry) must be a number from 0 to 4294967295 (or "0x1b7740") for kind "dword"; found true.""");
        Baseline("enabled as a string", Resource("firewallRule", """{ "name": "R", "enabled": "yes" }"""), """<dir>/b/baseline.json(1,112): "enabled" of resource "r" (firewallRule) must be true or false; found the string "yes".""");
        Baseline("name as a number", """{ "name": 5, "resources": [] }""", """<dir>/b/baseline.json(1,11): "name" of the baseline must be a string; found the number 5.""");
        Snap("services as an array", Snapshot("""  "services": []"""), """<dir>/snapshot.json(1,39): the "services" section must be a JSON object { ... }; found an array.""");
        Snap("firewall rules as an object", Snapshot("""  "firewallRules": {}"""), """<dir>/snapshot.json(1,44): "firewallRules" must be an array of rules [ { "name": "...", "direction": "inbound", ... } ]; found an object.""");
        Snap("volume size as a string", Snapshot("""  "volumes": { "C:": { "sizeBytes": "10", "freeBytes": 1 } }"""), """<dir>/snapshot.json(1,64): "sizeBytes" of volume "C:" must be a whole number from 0 to 9223372036854775807; found the string "10".""");

        // ---- unknown snapshot sections
        Snap("unknown snapshot section", Snapshot("""  "registy": {}"""), """<dir>/snapshot.json(1,36): the snapshot has an unknown member "registy" (did you mean "registry"?); the members it understands are: $schema, antivirus, backupActivity, capturedAt, computerName, events, facts, faults, features, fileAccess, fileSystemRoot, firewallRules, registry, scheduledTasks, services, shadowStorage, snapshotVersion, sqlInstances, userRights, volumes.""");
        Snap("a section in the singular", Snapshot("""  "scheduledTask": {}"""), """<dir>/snapshot.json(1,42): the snapshot has an unknown member "scheduledTask" (did you mean "scheduledTasks"?); the members it understands are: $schema, antivirus, backupActivity, capturedAt, computerName, events, facts, faults, features, fileAccess, fileSystemRoot, firewallRules, registry, scheduledTasks, services, shadowStorage, snapshotVersion, sqlInstances, userRights, volumes.""");

        // ---- faults with bad operations
        Snap("fault operation write", Snapshot("""  "faults": [ { "operation": "write", "target": "antivirus" } ]"""), """<dir>/snapshot.json(1,60): "operation" of a fault is the string "write"; use one of: read, set.""");
        Snap("fault without operation", Snapshot("""  "faults": [ { "target": "antivirus" } ]"""), """<dir>/snapshot.json(1,39): a fault has no "operation"; add "operation": "read" | "set".""");
        Snap("fault without target", Snapshot("""  "faults": [ { "operation": "read" } ]"""), """<dir>/snapshot.json(1,39): a fault has no "target"; add "target": "...".""");
        Snap("fault on no kind of target", Snapshot("""  "faults": [ { "operation": "read", "target": "registy:HKLM\\SOFTWARE\\X" } ]"""), """<dir>/snapshot.json(1,98): "target" of a fault is "registy:HKLM\SOFTWARE\X", which is not a kind of target, so the fault would never happen; use registry:<key>, service:<name>, firewall:<name>, shadowStorage:<volume>, sql:<instance>, file:<path>, task:<path>, feature:<name>, userRight:<right>, eventLog:<log>, antivirus, volumes or backupActivity.""");
        Snap("fault on an empty name", Snapshot("""  "faults": [ { "operation": "set", "target": "service:" } ]"""), """<dir>/snapshot.json(1,80): "target" of a fault is "service:", which names no service; use registry:<key>, service:<name>, firewall:<name>, shadowStorage:<volume>, sql:<instance>, file:<path>, task:<path>, feature:<name>, userRight:<right>, eventLog:<log>, antivirus, volumes or backupActivity.""");
        Snap("fault zero times", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "times": 0 } ]"""), """<dir>/snapshot.json(1,94): "times" of a fault is 0, outside the range 1 to 2147483647; use a value in that range.""");
        Snap("fault -1 times", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "times": -1 } ]"""), """<dir>/snapshot.json(1,95): "times" of a fault is -1, outside the range 1 to 2147483647; use a value in that range.""");
        Snap("fault times as a string", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "times": "1" } ]"""), """<dir>/snapshot.json(1,96): "times" of a fault must be a whole number from 1 to 2147483647; found the string "1".""");
        Snap("faults as an object", Snapshot("""  "faults": { "operation": "read", "target": "antivirus" }"""), """<dir>/snapshot.json(1,37): "faults" must be an array of { "operation", "target", "message", "times" }.""");
        Snap("fault with an unknown member", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "when": "always" } ]"""), """<dir>/snapshot.json(1,91): a fault has an unknown member "when"; the members it understands are: message, operation, target, times.""");
        Snap("fault message as a number", Snapshot("""  "faults": [ { "operation": "read", "target": "antivirus", "message": 5 } ]"""), """<dir>/snapshot.json(1,96): "message" of a fault must be a string; found the number 5.""");

        return cases;
    }

    /// <summary>A file of <paramref name="length"/> bytes that costs no disk where the file system has sparse files; returns its content as the case's bytes (none: it is written already).</summary>
    private static byte[] Sparse(TempFolder folder, string relative, long length)
    {
        var path = folder.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(length);
        }

        return [];
    }
}
