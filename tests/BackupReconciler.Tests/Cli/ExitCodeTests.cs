using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli;

/// <summary>
/// The README's exit-code table, verb by verb, on hosts in each state: what a pipeline, Puppet-style
/// --detailed-exitcodes, Intune and ConfigMgr read from the process's exit code.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A host in the named state: "compliant"; "drift" (an enforced value differs); "manual" (only an audit-mode
    /// value differs: a finding apply never changes); "failure" (a key cannot be read); "both" (drift and failure).
    /// </summary>
    private (string Baseline, string Snapshot) Host(string state)
    {
        var folder = _folder.Combine(state + "-" + Guid.NewGuid().ToString("n")[..6]);
        Directory.CreateDirectory(folder);
        var enforced = state is "drift" or "both" ? 0 : 1;
        var audited = state == "manual" ? 0 : 1;
        var fault = state is "failure" or "both"
            ? """, "faults": [ { "operation": "read", "target": "registry:HKLM\\SOFTWARE\\BRTest\\Read", "message": "Access is denied." } ]"""
            : "";
        var baseline = Path.Combine(folder, "b.json");
        File.WriteAllText(baseline, """
            { "name": "codes", "resources": [
              { "id": "enforced", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\BRTest\\Enforced", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "audited", "type": "registry", "mode": "audit", "properties": { "key": "HKLM\\SOFTWARE\\BRTest\\Audited", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "read", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\BRTest\\Read", "values": { "V": { "kind": "dword", "data": 1 } } } } ] }
            """);
        var snapshot = Path.Combine(folder, "s.json");
        File.WriteAllText(snapshot, $$"""
            { "computerName": "H", "registry": {
                "HKLM\\SOFTWARE\\BRTest\\Enforced": { "V": { "kind": "dword", "data": {{enforced}} } },
                "HKLM\\SOFTWARE\\BRTest\\Audited": { "V": { "kind": "dword", "data": {{audited}} } },
                "HKLM\\SOFTWARE\\BRTest\\Read": { "V": { "kind": "dword", "data": 1 } } }{{fault}} }
            """);
        return (baseline, snapshot);
    }

    [Theory]
    //         state        test plan what-if apply apply --detailed-exitcodes
    [InlineData("compliant", 0, 0, 0, 0, 0)]
    [InlineData("drift", 2, 2, 2, 0, 2)]
    [InlineData("manual", 2, 2, 2, 0, 0)]
    [InlineData("failure", 4, 4, 4, 4, 4)]
    [InlineData("both", 6, 6, 6, 4, 6)]
    public void EachVerbExitsAsTheTableSays(string state, int test, int plan, int whatIf, int apply, int detailed)
    {
        int Exit(string[] verb)
        {
            var (baseline, snapshot) = Host(state);
            return CliRun.Run(_folder.Combine("state-" + Guid.NewGuid().ToString("n")[..6]), [verb[0], baseline, "--snapshot", snapshot, .. verb[1..]]).Exit;
        }

        Assert.Equal(
            (test, plan, whatIf, apply, detailed),
            (Exit(["test"]), Exit(["plan"]), Exit(["apply", "--what-if"]), Exit(["apply"]), Exit(["apply", "--detailed-exitcodes"])));
    }

    [Fact]
    public void ManualFindingsAloneAreListedButDoNotMakeApplySayItChangedSomething()
    {
        var (baseline, snapshot) = Host("manual");

        var run = CliRun.Run(_folder.Combine("state"), "apply", baseline, "--snapshot", snapshot, "--detailed-exitcodes", "--output", "json");

        Assert.Equal(0, run.Exit);
        var report = Newtonsoft.Json.Linq.JObject.Parse(run.Out);
        Assert.Equal(0, (int)report["exitCode"]!);
        Assert.Equal(1, (int)report["summary"]!["manual"]!);
        Assert.Equal(0, (int)report["summary"]!["changed"]!);
    }

    [Fact]
    public void UndoWithDetailedExitCodesSaysTwoWhenItChangedSomething()
    {
        var (baseline, snapshot) = Host("drift");
        var state = _folder.Combine("state");
        CliRun.Run(state, "apply", baseline, "--snapshot", snapshot);
        var runId = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(state, "runs"))[0]);

        Assert.Equal(2, CliRun.Run(state, "undo", runId, "--snapshot", snapshot, "--what-if").Exit);
        Assert.Equal(2, CliRun.Run(state, "undo", runId, "--snapshot", snapshot, "--detailed-exitcodes").Exit);
    }
}
