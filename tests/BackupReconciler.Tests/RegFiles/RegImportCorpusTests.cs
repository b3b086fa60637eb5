using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using BackupReconciler.RegFiles;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Serilog;
using Xunit.Abstractions;

namespace BackupReconciler.Tests.RegFiles;

/// <summary>
/// The real-world .reg files of Data/reg-corpus (sources in its README): each is imported or refused as
/// stated, and every imported one round-trips — apply the baseline to an empty snapshot (holding the values
/// the file deletes), export the snapshot's keys as regedit would, compare with what merging the file leaves.
/// </summary>
public sealed class RegImportCorpusTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Corpus = Repository.File("tests/BackupReconciler.Tests/Data/reg-corpus");

    private readonly TempFolder _folder = new();

    /// <summary>File → registry resources it becomes (keys with values), or the reason it is refused.</summary>
    public static TheoryData<string, int, string?> Files() => new()
    {
        { "debloat-lower-ram-usage.reg", 0, "(9,1): dword:0ffffffff of \"NetworkThrottlingIndex\" is not 1 to 8 hexadecimal digits" },
        { "debloat-disable-edge-prelaunch.reg", 2, null },
        { "debloat-enable-photo-viewer.reg", 0, "(4,1): the key HKEY_CURRENT_USER\\Software\\Classes\\.jpg is in HKEY_CURRENT_USER" },
        { "debloat-disable-defender.reg", 2, null },
        { "debloat-disable-telemetry.reg", 1, null },
        { "debloat-disable-onedrive.reg", 1, null },
        { "remover-settings-page-visibility.reg", 1, null },
        { "remover-disable-mitigation.reg", 7, null },
        { "remover-remove-services.reg", 0, "(5,1): [-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MsSecCore] deletes a whole key" },
        { "remover-remove-securitycomp.reg", 0, "(5,1): [-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Security Health] deletes a whole key" },
        { "remover-remove-startup-entries.reg", 0, "(5,1): the key HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run is in HKEY_CURRENT_USER" },
        { "msdocs-symproxy.reg", 3, null },
    };

    [Fact]
    public void EveryFileOfTheCorpusIsListedWithItsOutcome()
    {
        var listed = Files().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(Directory.EnumerateFiles(Corpus, "*.reg").Select(Path.GetFileName).Order(StringComparer.Ordinal), listed);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EachFileIsImportedOrRefusedWithItsLineAndReason(string name, int resources, string? refusal)
    {
        var path = Path.Combine(Corpus, name);
        if (refusal is not null)
        {
            var error = Assert.Throws<InputException>(() => RegFileParser.Read(path));
            Assert.StartsWith(path + refusal, error.Message);
            return;
        }

        var baseline = RegFileBaseline.From(RegFileParser.Read(path));
        Assert.Equal(resources, ((JArray)baseline.Baseline["resources"]!).Count);
        var loaded = new BaselineLoader(ResourceCatalog.Default).Load(_folder.Write(name + ".json", baseline.Baseline.ToString()), VariableInputs.None, HostFacts.Typical());
        Assert.Equal(resources, loaded.Resources.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ApplyingTheImportedBaselineLeavesWhatMergingTheFileLeaves(string name, int resources, string? refusal)
    {
        if (refusal is not null)
        {
            return; // Refused files have no baseline to apply; the theory above proves the refusal.
        }

        var file = RegFileParser.Read(Path.Combine(Corpus, name));
        var imported = RegFileBaseline.From(file);
        var baselinePath = _folder.Write(name + ".json", imported.Baseline.ToString());

        // An empty host, but for the values the file deletes: those must be there for the deletion to show.
        var registry = new JObject();
        foreach (var key in file.Keys.Where(k => k.Values.Any(v => v.Value is null)))
        {
            registry[key.Key.FullName] = new JObject(key.Values.Where(v => v.Value is null).Select(v => new JProperty(v.Name, RegistryValue.DWord(1).ToJson())));
        }

        var snapshotPath = _folder.Write(name + ".snapshot.json", new JObject { ["computerName"] = "HOST01", ["registry"] = registry }.ToString());
        var host = SnapshotHost.Load(snapshotPath);
        var run = new Reconciler(host, new LoggerConfiguration().CreateLogger(), TimeProvider.System)
            .Run(new BaselineLoader(ResourceCatalog.Default).Load(baselinePath, VariableInputs.None, host.Facts), "apply", whatIf: false);
        host.Save();
        Assert.All(run.Resources, r => Assert.Equal(ResourceStatus.Changed, r.Status));
        Assert.Equal(resources, run.Resources.Count);

        var after = SnapshotHost.Load(snapshotPath);
        var withValues = file.Keys.Where(k => k.Values.Count > 0).ToList();
        var exported = RegExport.Write(withValues.Select(k => (k.Key.FullName,
            (after.Registry.ReadKey(k.Key, RegistryView.Registry64) ?? new Dictionary<string, RegistryValue>())
                .OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => (v.Key, (RegistryValue?)v.Value)))), RegFileFormat.Version5);
        var merged = RegExport.Write(withValues.Select(k => (k.Key.FullName,
            k.Values.Where(v => v.Value is not null).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Select(v => (v.Name, v.Value)))), RegFileFormat.Version5);
        output.WriteLine(exported);
        Assert.Equal(merged, exported);
        Assert.Equal(file.Keys.Count(k => k.Values.Count == 0), imported.NotImported.Count);
    }

    public void Dispose() => _folder.Dispose();
}
