using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// A baseline and a snapshot on disk, run through the real loader, engine and snapshot host:
/// the way every resource law is tested.
/// </summary>
public sealed class Scenario : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The baseline's resources array and the snapshot document (computerName is added when missing).</summary>
    public Scenario(JArray resources, JObject snapshot, JObject? parameters = null)
    {
        var baseline = new JObject { ["name"] = "test", ["resources"] = resources };
        if (parameters is not null)
        {
            baseline["parameters"] = parameters;
        }

        snapshot["computerName"] ??= "HOST01";
        BaselinePath = _folder.Write("baseline.json", baseline.ToString());
        SnapshotPath = _folder.Write("snapshot.json", snapshot.ToString());
    }

    public string BaselinePath { get; }

    public string SnapshotPath { get; }

    public string Folder => _folder.Path;

    public string SnapshotText => File.ReadAllText(SnapshotPath);

    public JObject SnapshotJson => JObject.Parse(SnapshotText);

    /// <summary>Loads the snapshot and baseline afresh, runs them, and writes the snapshot back after an apply.</summary>
    public RunResult Run(bool whatIf, VariableInputs? variables = null)
    {
        var host = SnapshotHost.Load(SnapshotPath);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(BaselinePath, variables ?? VariableInputs.None, host.Facts);
        var result = new Reconciler(host, new LoggerConfiguration().CreateLogger(), TimeProvider.System).Run(baseline, whatIf ? "plan" : "apply", whatIf);
        if (!whatIf)
        {
            host.Save();
        }

        return result;
    }

    public RunResult Plan() => Run(whatIf: true);

    public RunResult Apply() => Run(whatIf: false);

    public void Dispose() => _folder.Dispose();
}
