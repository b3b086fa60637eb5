using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// Issue 12, items 3, 5 and 7: lost updates, links and folders, the snapshot's memory bound, and the edges
/// the fuzzer found (integers past 64 bits, long computer names, read-only targets, a plan's variables).
/// </summary>
public sealed class EdgeTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private const string Registry = """
        { "name": "t", "resources": [ { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } } ] }
        """;

    [Fact]
    public void AnApplyRefusesToWriteBackOverASnapshotChangedSinceItWasReadAndKeepsTheOtherChange()
    {
        var snapshot = _folder.Write("s.json", """{ "computerName": "H1", "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 1 } } } }""");
        var baseline = _folder.Write("b.json", Registry);
        var loader = new BaselineLoader(ResourceCatalog.Default);
        var slow = SnapshotHost.Load(snapshot, TimeProvider.System);

        // Another run, with another state directory, changes the file after this one read it.
        Assert.Equal(0, CliRun.Run(_folder.Combine("other-state"), "apply", _folder.Write("other.json", """
            { "name": "o", "resources": [ { "id": "o", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Other", "values": { "O": { "kind": "dword", "data": 7 } } } } ] }
            """), "--snapshot", snapshot).Exit);
        var theirs = File.ReadAllText(snapshot);
        var run = new GuardedRun(State, TimeProvider.System, Serilog.Core.Logger.None, new SecretRedactor())
            .Apply(slow, loader.Load(baseline, VariableInputs.None, slow.Facts), "apply", "apply b.json", TimeSpan.Zero);

        var result = Assert.Single(run.Resources);
        Assert.Equal(ResourceStatus.Failed, result.Status);
        Assert.Equal($"could not write back: the snapshot {snapshot} was changed by someone else since this run read it (another run with another state directory, or an editor), so this change was not written back and theirs was kept; run again to work from what the file holds now.", result.Error);
        Assert.Equal(4, ExitCodes.Simple(run));
        Assert.Equal(theirs, File.ReadAllText(snapshot));
        var after = File.ReadAllLines(Directory.GetFiles(Path.Combine(State, "runs"))[0]).Select(JObject.Parse).Single(e => (string?)e["event"] == "after");
        Assert.Equal("failed", (string?)after["outcome"]);
        Assert.StartsWith("could not write back: the snapshot", (string?)after["error"], StringComparison.Ordinal);

        var rerun = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes");
        Assert.Equal(2, rerun.Exit);
        var registry = JObject.Parse(File.ReadAllText(snapshot))["registry"]!;
        Assert.Equal(7, (int)registry["HKLM\\SOFTWARE\\Other"]!["O"]!["data"]!);
        Assert.Equal(2, (int)registry["HKLM\\SOFTWARE\\X"]!["A"]!["data"]!);
    }

    [Theory]
    [InlineData("default", """{ "name": "t", "parameters": { "N": { "type": "integer", "default": 99999999999999999999 } }, "resources": [] }""", "b.json(1,88): the default of parameter \"N\" is beyond the range of a 64-bit integer (-9223372036854775808 to 9223372036854775807); give a smaller number.\nvars.json(1,28): variable \"N\" is beyond the range of a 64-bit integer (-9223372036854775808 to 9223372036854775807); give a smaller number.")]
    [InlineData("vars file", """{ "name": "t", "parameters": { "N": { "type": "integer", "default": 1 } }, "resources": [] }""", "vars.json(1,28): variable \"N\" is beyond the range of a 64-bit integer (-9223372036854775808 to 9223372036854775807); give a smaller number.")]
    public void AnIntegerBeyond64BitsIsALocatedError(string where, string baseline, string expected)
    {
        Assert.NotEmpty(where);
        var file = _folder.Write("b.json", baseline);
        var vars = _folder.Write("vars.json", """{ "N": -99999999999999999999 }""");

        var (exit, _, error) = CliRun.Run(State, "validate", file, "--vars", vars);

        Assert.Equal(1, exit);
        // validate names every error: in the first case the vars file's value is wrong too.
        Assert.Equal(string.Join("\n", expected.Split('\n').Select(line => $"error: {_folder.Path}/{line}")), error.Trim());
    }

    /// <summary>These two once crashed as "unexpected failure: Object must implement IConvertible" (exit 4).</summary>
    [Theory]
    [InlineData("freeSpace", """{ "path": "C:\\", "minimumFreePercent": 123456789012345678901234567890 }""", "(1,148): \"minimumFreePercent\" of resource \"r\" (freeSpace) is the number 123456789012345678901234567890; give a number above 0 and at most 100, such as 10.")]
    [InlineData("file", """{ "path": "C:\\x.txt", "minimumSize": 123456789012345678901234567890 }""", "(1,141): \"minimumSize\" of resource \"r\" (file) is the number 123456789012345678901234567890; give a number of bytes above 0 or a size such as \"1KB\" or \"20MB\" (binary units).")]
    public void ASizeOrPercentBeyond64BitsIsALocatedErrorNotAFailure(string type, string properties, string expected)
    {
        var file = _folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "r", "type": "{{type}}", "properties": {{properties}} } ] }""");

        var (exit, _, error) = CliRun.Run(State, "validate", file);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {file}{expected}", error.Trim());
    }

    [Fact]
    public void AVeryLongComputerNameGetsALockOfItsOwnAndAWaitingRunNamesTheRealHolder()
    {
        var name = new string('N', 250) + "\u00e9";
        var snapshot = _folder.Write("s.json", new JObject { ["computerName"] = name }.ToString());
        var baseline = _folder.Write("b.json", """{ "name": "t", "resources": [] }""");

        Assert.Equal(0, CliRun.Run(State, "apply", baseline, "--snapshot", snapshot).Exit);
        using (RunLock.Acquire(State, name, "apply held.json", TimeSpan.Zero, TimeProvider.System))
        {
            var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot);
            Assert.Equal(1, exit);
            Assert.Contains($"holds the lock", error, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId} (apply held.json, started", error, StringComparison.Ordinal);
        }

        Assert.True(RunLock.FileName(name).Length <= 64);
        Assert.NotEqual(RunLock.FileName(name), RunLock.FileName(new string('N', 251)));
    }

    [Theory]
    [InlineData("jsonFile", """{ "path": "C:\\App\\settings.json", "set": { "a": 2 } }""", "C:\\App\\settings.json")]
    [InlineData("hostsEntry", """{ "hostname": "backup.contoso.com", "address": "10.0.0.9" }""", "C:\\Windows\\System32\\drivers\\etc\\hosts")]
    public void AReadOnlyTargetFileIsRefusedAsWindowsRefusesToReplaceIt(string type, string properties, string windowsPath)
    {
        var relative = "files/" + windowsPath.Replace(":", "", StringComparison.Ordinal).Replace('\\', '/');
        var target = _folder.Write(relative, type == "jsonFile" ? """{ "a": 1 }""" : "127.0.0.1 localhost\n");
        File.SetAttributes(target, FileAttributes.ReadOnly);
        var content = File.ReadAllBytes(target);
        var snapshot = _folder.Write("s.json", """{ "computerName": "H1", "fileSystemRoot": "files" }""");
        var baseline = _folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "f", "type": "{{type}}", "properties": {{properties}} } ] }""");

        var (exit, output, _) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--output", "json");

        Assert.Equal(4, exit);
        Assert.Equal($"could not apply: {windowsPath}: access to the path is denied, the file is read-only (Windows refuses to replace it); clear its read-only attribute if it should be managed.",
            (string?)JObject.Parse(output)["resources"]![0]!["error"]);
        Assert.Equal(content, File.ReadAllBytes(target));
        File.SetAttributes(target, FileAttributes.Normal);
    }

    [Fact]
    public void AnEditedVariableInASavedPlanIsRefusedByItsDigest()
    {
        var snapshot = _folder.Write("s.json", """{ "computerName": "H1", "services": { "A": { "startType": "manual", "state": "stopped" }, "B": { "startType": "manual", "state": "stopped" } } }""");
        var baseline = _folder.Write("b.json", """
            { "name": "t", "parameters": { "Svc": { "type": "string" } },
              "resources": [ { "id": "s", "type": "registry", "restartServices": ["${Svc}"], "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } } ] }
            """);
        var plan = _folder.Combine("plan.json");
        Assert.Equal(2, CliRun.Run(State, "plan", baseline, "--snapshot", snapshot, "--var", "Svc=A", "--save-plan", plan).Exit);
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"Svc\": \"A\"", "\"Svc\": \"B\"", StringComparison.Ordinal));
        var before = File.ReadAllBytes(snapshot);

        var (exit, _, error) = CliRun.Run(State, "apply", baseline, "--snapshot", snapshot, "--plan", plan);

        Assert.Equal(1, exit);
        Assert.Contains("the baseline or the plan's variables changed since the plan", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void AnIncludeLinkedToAFileOutsideTheFolderIsRefusedAndADotDotNameInsideIsAllowed()
    {
        var outside = _folder.Write("outside.json", """{ "resources": [] }""");
        _folder.Write("b/..inside.json", """{ "resources": [] }""");
        File.CreateSymbolicLink(_folder.Combine("b/linked.json"), outside);
        Directory.CreateSymbolicLink(_folder.Combine("b/linked-folder"), _folder.Path);
        var allowed = _folder.Write("b/ok.json", """{ "name": "t", "include": ["..inside.json"], "resources": [] }""");
        var linked = _folder.Write("b/bad.json", """{ "name": "t", "include": ["linked.json"], "resources": [] }""");
        var throughFolder = _folder.Write("b/bad2.json", """{ "name": "t", "include": ["linked-folder/outside.json"], "resources": [] }""");

        Assert.Equal(0, CliRun.Run(State, "validate", allowed).Exit);
        Assert.Equal($"error: {_folder.Path}/b/bad.json(1,40): the include \"linked.json\" leaves the baseline's folder ({_folder.Path}/b); include files from that folder or below, by relative path.",
            CliRun.Run(State, "validate", linked).Err.Trim());
        Assert.Equal($"error: {_folder.Path}/b/bad2.json(1,55): the include \"linked-folder/outside.json\" leaves the baseline's folder ({_folder.Path}/b); include files from that folder or below, by relative path.",
            CliRun.Run(State, "validate", throughFolder).Err.Trim());
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/tmp")]
    [InlineData("C:\\\\Windows")]
    [InlineData(".")]
    [InlineData("linked")]
    public void AFileSystemRootOutsideTheSnapshotsFolderIsRefused(string root)
    {
        Directory.CreateDirectory(_folder.Combine("outside"));
        Directory.CreateDirectory(_folder.Combine("snap"));
        Directory.CreateSymbolicLink(_folder.Combine("snap/linked"), _folder.Combine("outside"));
        var snapshot = _folder.Write("snap/s.json", $$"""{ "computerName": "H1", "fileSystemRoot": "{{root}}" }""");

        var (exit, _, error) = CliRun.Run(State, "apply", _folder.Write("b.json", """{ "name": "t", "resources": [] }"""), "--snapshot", snapshot);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {snapshot}(1,{44 + root.Length}): \"fileSystemRoot\" is \"{root.Replace("\\\\", "\\", StringComparison.Ordinal)}\", which is not a folder inside the snapshot's folder ({_folder.Path}/snap); give the name of a folder beside the snapshot, such as \"dpm01-files\".", error.Trim());
    }

    /// <summary>
    /// The stated bound: the worst snapshot under the byte limit (nothing but empty arrays, far more of them than
    /// the token limit) is refused having allocated under 1 GB; before, 126 MiB of them took 7.9 GB.
    /// </summary>
    [Fact]
    public void TheWorstSnapshotUnderTheSizeLimitIsRefusedWithinAGigabyte()
    {
        var path = _folder.Combine("worst.json");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.Write("{ \"computerName\": \"H1\", \"x\": ["u8);
            var arrays = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("[],", 1024 * 1024 / 3)));
            while (stream.Length + arrays.Length < SnapshotHost.MaxFileBytes - 16)
            {
                stream.Write(arrays);
            }

            stream.Write("[]] }"u8);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InputException>(() => SnapshotHost.Load(path, TimeProvider.System));
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal("the file holds more than 2,000,000 JSON values; no real baseline, snapshot or plan does, so this one is damaged or hostile.", error.Problem);
        output.WriteLine($"a {new FileInfo(path).Length:N0}-byte snapshot of empty arrays: refused after allocating {used:N0} bytes");
        Assert.True(used < 1024L * 1024 * 1024, $"{used:N0} bytes allocated");
    }
}
