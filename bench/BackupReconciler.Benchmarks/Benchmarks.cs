using System.Diagnostics;
using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Serilog;

BenchmarkSwitcher.FromAssembly(typeof(BackupReconciler.Benchmarks.RegistryHostBenchmarks).Assembly).Run(args);

namespace BackupReconciler.Benchmarks
{

/// <summary>
/// The three stages of a plan over N registry resources (half drifted), each on its own: loading the baseline,
/// reading the snapshot, and the engine's whatIf run. The host files come from bench/gen-host.py, the same
/// generator bench/startup.sh times whole processes with.
/// </summary>
[MemoryDiagnoser]
public class RegistryHostBenchmarks
{
    private string _folder = "";
    private Baseline _baseline = null!;
    private SnapshotHost _host = null!;
    private readonly ILogger _log = new LoggerConfiguration().CreateLogger();

    [Params(10, 100, 1_000, 5_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"br-bench-{Resources}-{Environment.ProcessId}");
        var generator = Path.Combine(RepositoryRoot(), "bench", "gen-host.py");
        using (var python = Process.Start("python3", [generator, "registry", Resources.ToString(System.Globalization.CultureInfo.InvariantCulture), _folder]))
        {
            python.WaitForExit();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException($"bench/gen-host.py failed ({python.ExitCode})");
            }
        }

        _host = ReadSnapshot();
        _baseline = LoadBaseline();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Baseline LoadBaseline() =>
        new BaselineLoader(ResourceCatalog.Default).Load(Path.Combine(_folder, "baseline.json"), VariableInputs.None, _host?.Facts ?? new Dictionary<string, string>());

    [Benchmark]
    public SnapshotHost ReadSnapshot() => SnapshotHost.Load(Path.Combine(_folder, "snapshot.json"));

    [Benchmark]
    public RunResult Plan() => new Reconciler(_host, _log, TimeProvider.System).Run(_baseline, "plan", whatIf: true);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BackupReconciler.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (BackupReconciler.sln not found above " + AppContext.BaseDirectory + ")");
    }
}
}
