using System.Diagnostics;
using System.Globalization;
using BackupReconciler.Engine;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace BackupReconciler.Tests.Engine;

/// <summary>
/// A DPM server has thousands of Agent jobs and a large firewall: plan must not cost per job or per
/// rule. This measures (it does not assert on time) and prints the figures for the closing note.
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    private static JArray Resources() => JArray.Parse("""
        [ { "id": "dpm-jobs", "type": "sqlAgentJobs", "properties": { "instance": "MSDPM2012", "enabled": true } },
          { "id": "rpc", "type": "firewallRule",
            "properties": { "name": "RPC for DPM", "enabled": true, "direction": "inbound", "action": "allow",
                            "protocol": "tcp", "localPorts": "135,5718,5719,49152-65535", "remoteAddresses": ["10.0.0.21"] } },
          { "id": "timeouts", "type": "registry",
            "properties": { "key": "HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Agent",
                            "values": { "ConnectionNoActivityTimeout": { "kind": "dword", "data": 7200 } } } } ]
        """);

    private static JObject Host(int jobs, int rules)
    {
        var jobList = new JArray();
        for (var i = 0; i < jobs; i++)
        {
            jobList.Add(new JObject
            {
                ["name"] = Guid.NewGuid().ToString(),
                ["enabled"] = i % 4 != 0,
                ["owner"] = "DPM01\\MICROSOFT$DPM$Acct",
                ["stepCommand"] = $"\"C:\\Program Files\\Microsoft System Center\\DPM\\DPM\\bin\\TriggerJob.exe\" {Guid.NewGuid()} {Guid.NewGuid()} dpm01.contoso.com",
            });
        }

        var ruleList = new JArray();
        for (var i = 0; i < rules; i++)
        {
            ruleList.Add(new JObject
            {
                ["name"] = "Rule " + i.ToString(CultureInfo.InvariantCulture),
                ["enabled"] = true,
                ["direction"] = "inbound",
                ["action"] = "allow",
                ["protocol"] = "tcp",
                ["localPorts"] = (1000 + i).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new JObject
        {
            ["sqlInstances"] = new JObject { ["MSDPM2012"] = new JObject { ["jobs"] = jobList } },
            ["firewallRules"] = ruleList,
        };
    }

    [Fact]
    public void PlanOfAHostWithFiveThousandJobsAndFifteenHundredRulesCostsAboutWhatASmallHostCosts()
    {
        using var small = new Scenario(Resources(), Host(jobs: 5, rules: 5));
        using var large = new Scenario(Resources(), Host(jobs: 5_000, rules: 1_500));
        small.Plan();
        large.Plan();

        var smallTime = Measure(small, out var smallRun);
        var largeTime = Measure(large, out var largeRun);

        Assert.Equal(ResourceStatus.Drifted, largeRun.StatusOf("dpm-jobs"));
        Assert.StartsWith("enabled: 1,250 of 5,000 DPM jobs disabled", largeRun.DifferencesOf("dpm-jobs")[0], StringComparison.Ordinal);
        Assert.Equal(ResourceStatus.Drifted, smallRun.StatusOf("rpc"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan, median of 7 (each run loads the snapshot, binds the baseline, observes 3 resources): 10-item host {smallTime.TotalMilliseconds:0.0} ms, 5,000 jobs + 1,500 rules {largeTime.TotalMilliseconds:0.0} ms"));
        var smallEngine = EngineOnly(Host(jobs: 5, rules: 5));
        var largeEngine = EngineOnly(Host(jobs: 5_000, rules: 1_500));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine run over an already loaded host, median of 7: 10-item host {smallEngine.TotalMilliseconds:0.00} ms, 5,000 jobs + 1,500 rules {largeEngine.TotalMilliseconds:0.00} ms"));
    }

    private static TimeSpan Measure(Scenario scenario, out RunResult last)
    {
        var times = new List<TimeSpan>();
        last = null!;
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            last = scenario.Plan();
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(3);
    }

    private static TimeSpan EngineOnly(JObject snapshot)
    {
        using var scenario = new Scenario(Resources(), snapshot);
        var host = BackupReconciler.Snapshot.SnapshotHost.Load(scenario.SnapshotPath);
        var baseline = new BackupReconciler.Baselines.BaselineLoader(BackupReconciler.Resources.ResourceCatalog.Default)
            .Load(scenario.BaselinePath, BackupReconciler.Baselines.VariableInputs.None, host.Facts);
        var reconciler = new Reconciler(host, new Serilog.LoggerConfiguration().CreateLogger(), TimeProvider.System);
        reconciler.Run(baseline, "plan", whatIf: true);
        var times = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            reconciler.Run(baseline, "plan", whatIf: true);
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(3);
    }
}
