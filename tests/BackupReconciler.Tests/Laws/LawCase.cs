using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;
using Serilog.Core;

namespace BackupReconciler.Tests.Laws;

/// <summary>One resource of a generated baseline: its id, mode, dependencies and restarts.</summary>
public sealed record Declared(string Id, GeneratedResource Resource, bool Audit, IReadOnlyList<string> DependsOn, IReadOnlyList<string> RestartServices);

/// <summary>
/// A generated baseline of several resources with random (acyclic) dependsOn, and the host they run
/// against. <see cref="ToString"/> prints both in full, so a failing case can be reproduced by hand.
/// </summary>
public sealed class LawCase
{
    /// <summary>Services that restartServices name: always installed and running, so a restart itself never fails.</summary>
    private static readonly string[] RestartableServices = ["GenRestart0", "GenRestart1"];

    public LawCase(IReadOnlyList<Declared> resources, bool capturedAt, long systemVolumeBytes, int systemVolumeFreePercent)
    {
        Resources = resources;
        CapturedAt = capturedAt;
        SystemVolumeBytes = systemVolumeBytes;
        SystemVolumeFreePercent = systemVolumeFreePercent;
    }

    public IReadOnlyList<Declared> Resources { get; }

    public bool CapturedAt { get; }

    public long SystemVolumeBytes { get; }

    public int SystemVolumeFreePercent { get; }

    /// <summary>A baseline with at least one resource of <paramref name="type"/> and up to four of any types, in random order.</summary>
    public static Gen<LawCase> Generator(string type) => Generator(type, ResourceGenerators.Types);

    /// <summary>The same, with the other resources drawn from <paramref name="pool"/> only.</summary>
    public static Gen<LawCase> Generator(string type, IReadOnlyList<string> pool) =>
        from others in Gen.Choose(0, 4)
        from otherTypes in ResourceGenerators.Each(others, _ => Gen.Elements(pool.ToArray()))
        from types in Gen.Shuffle(otherTypes.Prepend(type))
        from resources in Gen.CollectToList(types.Select((t, i) => ResourceGenerators.Of(t, i)))
        from audits in ResourceGenerators.Each(types.Length, _ => ResourceGenerators.Chance(15))
        from dependencies in ResourceGenerators.Each(types.Length, j => ResourceGenerators.Each(j, _ => ResourceGenerators.Chance(25)))
        from spellings in ResourceGenerators.Each(types.Length, _ => Gen.Elements(true, false))
        from restarts in ResourceGenerators.Each(types.Length, _ => Gen.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(RestartableServices).Select(l => l.ToArray()))))
        from capturedAt in Gen.Elements(true, false)
        from size in Gen.Elements(107374182400L, 536870912000L)
        from free in Gen.Elements(3, 20, 90)
        let ids = types.Select((t, i) => $"{t}-{i}").ToArray()
        select new LawCase(
            resources.Select((r, i) => new Declared(
                ids[i],
                r,
                audits[i],
                dependencies[i].Select((wanted, j) => (wanted, j)).Where(d => d.wanted).Select(d => spellings[d.j] ? ids[d.j].ToUpperInvariant() : ids[d.j]).ToList(),
                restarts[i])).ToList(),
            capturedAt,
            size,
            free);

    public JObject Baseline() => new()
    {
        ["name"] = "generated",
        ["resources"] = new JArray(Resources.Select(d =>
        {
            var resource = new JObject { ["id"] = d.Id, ["type"] = d.Resource.Type };
            if (d.Audit)
            {
                resource["mode"] = "audit";
            }

            if (d.DependsOn.Count > 0)
            {
                resource["dependsOn"] = new JArray(d.DependsOn);
            }

            if (d.RestartServices.Count > 0)
            {
                resource["restartServices"] = new JArray(d.RestartServices);
            }

            resource["properties"] = d.Resource.Properties.DeepClone();
            return resource;
        })),
    };

    public HostBuilder Host()
    {
        var host = new HostBuilder();
        host.Volume("C:", SystemVolumeBytes, SystemVolumeBytes / 100 * SystemVolumeFreePercent);
        foreach (var service in RestartableServices)
        {
            host.Section("services")[service] = new JObject { ["startType"] = "automatic", ["state"] = "running" };
        }

        if (CapturedAt)
        {
            host.Set("capturedAt", "2026-11-22T10:00:00Z");
        }

        foreach (var declared in Resources)
        {
            declared.Resource.Arrange(host);
        }

        host.Set("fileSystemRoot", HostBuilder.FilesFolder);
        return host;
    }

    /// <summary>Writes baseline.json, snapshot.json and the files folder into <paramref name="folder"/>.</summary>
    public LawFiles Write(TempFolder folder, Action<HostBuilder>? change = null)
    {
        var host = Host();
        change?.Invoke(host);
        host.WriteFiles(folder.Combine(HostBuilder.FilesFolder));
        return new LawFiles(
            folder.Write("baseline.json", Baseline().ToString()),
            folder.Write("snapshot.json", host.Snapshot().ToString()),
            folder.Combine(HostBuilder.FilesFolder),
            folder.Combine("state"));
    }

    public override string ToString() =>
        $"""

        baseline: {Baseline()}
        snapshot: {Host().Snapshot()}
        files:
          {string.Join("\n  ", Host().Describe())}
        may fail: {string.Join(", ", Resources.Where(r => r.Resource.MayFail).Select(r => r.Id))}
        """;
}

/// <summary>Where a case was written, and how to run it in process against <see cref="LawClock.Now"/>.</summary>
public sealed record LawFiles(string Baseline, string Snapshot, string Files, string State)
{
    private static readonly FixedClock Clock = new(LawClock.Now);

    public RunResult Plan() => Run(whatIf: true);

    public RunResult Apply() => Run(whatIf: false);

    private RunResult Run(bool whatIf)
    {
        var host = SnapshotHost.Load(Snapshot, Clock);
        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(Baseline, VariableInputs.None, host.Facts);
        var result = new Reconciler(host, Logger.None, Clock).Run(baseline, whatIf ? "plan" : "apply", whatIf);
        if (!whatIf)
        {
            host.Save();
        }

        return result;
    }

    /// <summary>The command line in process, with the same clock: the way a person runs it.</summary>
    public (int Exit, string Out, string Err) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = new global::BackupReconciler.Cli.CliApplication(stdout, stderr, Clock).Run([.. args, "--state-dir", State]);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
