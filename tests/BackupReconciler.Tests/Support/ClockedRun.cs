using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using Serilog;

namespace BackupReconciler.Tests.Support;

/// <summary><see cref="Scenario.Run"/> with the host's clock given, for resources that judge ages.</summary>
public static class ClockedRun
{
    public static RunResult Run(this Scenario scenario, bool whatIf, TimeProvider clock)
    {
        var host = SnapshotHost.Load(scenario.SnapshotPath, clock);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(scenario.BaselinePath, VariableInputs.None, host.Facts);
        var result = new Reconciler(host, new LoggerConfiguration().CreateLogger(), clock).Run(baseline, whatIf ? "plan" : "apply", whatIf);
        if (!whatIf)
        {
            host.Save();
        }

        return result;
    }
}
