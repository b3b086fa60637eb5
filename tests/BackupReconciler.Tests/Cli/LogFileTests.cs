using BackupReconciler.Cli;
using BackupReconciler.Input;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli;

/// <summary>
/// The daily log file belongs to the verbs that change the host, and is opened when its first line comes: a
/// read-only verb leaves the state directory without a logs folder, and a logger that never writes makes none.
/// </summary>
public sealed class LogFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string State => _folder.Combine("state");

    private string Logs => Path.Combine(State, "logs");

    private string Snapshot() => _folder.Write("host.json", """
        { "computerName": "DPM01", "registry": { "HKLM\\SOFTWARE\\X": { "A": { "kind": "dword", "data": 1 } } } }
        """);

    private string Baseline() => _folder.Write("b.json", """
        { "name": "log-test", "resources": [
            { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "A": { "kind": "dword", "data": 2 } } } } ] }
        """);

    private int Run(params string[] args) => new CliApplication(new StringWriter(), new StringWriter(), TimeProvider.System).Run([.. args, "--state-dir", State]);

    [Fact]
    public void VerbsThatOnlyReadOpenNoLogFile()
    {
        var baseline = Baseline();
        var snapshot = Snapshot();

        Assert.Equal(0, Run("validate", baseline));
        Assert.Equal(2, Run("plan", baseline, "--snapshot", snapshot));
        Run("test", baseline, "--snapshot", snapshot);
        Run("get", baseline, "--snapshot", snapshot);
        Run("runs");
        Run("apply", baseline, "--snapshot", snapshot, "--what-if");

        Assert.False(Directory.Exists(Logs));
    }

    [Fact]
    public void ApplyKeepsItsLinesInTheDailyFile()
    {
        Assert.Equal(0, Run("apply", Baseline(), "--snapshot", Snapshot()));

        var file = Assert.Single(Directory.GetFiles(Logs));
        Assert.NotEqual(0, new FileInfo(file).Length);
    }

    [Fact]
    public void ALoggerOfAChangingVerbThatWritesNothingCreatesNoFileOrFolder()
    {
        using (Logging.Create(State, verbose: false, new StringWriter(), new SecretRedactor(), changesHost: true))
        {
        }

        Assert.False(Directory.Exists(State));
    }
}
