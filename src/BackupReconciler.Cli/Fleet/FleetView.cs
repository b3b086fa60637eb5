namespace BackupReconciler.Cli.Fleet;

/// <summary>
/// The estate's compliance from one report per host and baseline (the newest; older ones are counted
/// as superseded): per role (baseline) and resource id, which hosts are in which state; per host, its
/// worst state and when it was last seen; stale hosts flagged; problem files listed.
/// </summary>
public sealed record FleetView(
    DateTimeOffset GeneratedAt,
    TimeSpan StaleAfter,
    int FilesRead,
    IReadOnlyList<FleetHost> Hosts,
    IReadOnlyList<FleetRole> Roles,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyList<string> Superseded)
{
    /// <summary>The states a resource or host is counted in, worst last; "other" holds statuses this version does not know.</summary>
    public static readonly string[] Buckets = ["compliant", "changed", "skipped", "other", "manual", "drifted", "failed"];

    public static string Bucket(string status) => status switch
    {
        "compliant" or "changed" or "skipped" or "manual" or "drifted" or "failed" => status,

        // A test or plan that predicts apply will fail on this host: the fleet counts it where apply will land.
        "predictedFailure" => "failed",
        _ => "other",
    };

    /// <summary>How bad a bucket is, for a host's overall state: its worst resource.</summary>
    public static int Severity(string bucket) => Array.IndexOf(Buckets, bucket);

    public int Count(string bucket) => Hosts.Count(h => h.Status == bucket);

    public static FleetView Build(IEnumerable<HostReport> reports, IEnumerable<ReportProblem> problems, int filesRead, DateTimeOffset now, TimeSpan staleAfter)
    {
        // Newest report per host and baseline; a tie goes to the file named last, so the result does not depend on reading order.
        var superseded = new List<string>();
        var latest = new Dictionary<(string, string), HostReport>(new HostBaselineComparer());
        foreach (var report in reports)
        {
            var key = (report.Host, report.Baseline);
            if (!latest.TryGetValue(key, out var known))
            {
                latest[key] = report;
                continue;
            }

            var newer = report.StartedAt != known.StartedAt ? report.StartedAt > known.StartedAt : string.CompareOrdinal(report.File, known.File) > 0;
            superseded.Add(newer ? known.File : report.File);
            if (newer)
            {
                latest[key] = report;
            }
        }

        var hosts = latest.Values
            .GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase)
            .Select(group =>
            {
                var roles = group.OrderBy(r => r.Baseline, StringComparer.OrdinalIgnoreCase)
                    .Select(r => new HostRole(r.Baseline, r.Command, Worst(r.Resources.Select(x => Bucket(x.Status))), r.StartedAt, r.File))
                    .ToList();
                var lastSeen = group.Max(r => r.LastSeen);
                return new FleetHost(group.First().Host, Worst(roles.Select(r => r.Status)), lastSeen, now - lastSeen > staleAfter, roles);
            })
            .OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var roles = latest.Values
            .GroupBy(r => r.Baseline, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(group => new FleetRole(group.First().Baseline, group.Count(), Resources(group)))
            .ToList();

        return new FleetView(now, staleAfter, filesRead, hosts, roles, problems.OrderBy(p => p.File, StringComparer.Ordinal).ToList(), superseded.Order(StringComparer.Ordinal).ToList());
    }

    private static List<FleetResource> Resources(IEnumerable<HostReport> reports)
    {
        var resources = new Dictionary<string, (string Type, Dictionary<string, List<HostStatus>> Hosts)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var report in reports.OrderBy(r => r.Host, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var resource in report.Resources)
            {
                if (!resources.TryGetValue(resource.Id, out var entry))
                {
                    entry = (resource.Type, new Dictionary<string, List<HostStatus>>(StringComparer.Ordinal));
                    resources[resource.Id] = entry;
                    order.Add(resource.Id);
                }

                var bucket = Bucket(resource.Status);
                if (!entry.Hosts.TryGetValue(bucket, out var list))
                {
                    entry.Hosts[bucket] = list = [];
                }

                list.Add(new HostStatus(report.Host, resource.Status));
            }
        }

        return order.Select(id => new FleetResource(id, resources[id].Type, resources[id].Hosts.ToDictionary(p => p.Key, p => (IReadOnlyList<HostStatus>)p.Value))).ToList();
    }

    private static string Worst(IEnumerable<string> buckets) => buckets.DefaultIfEmpty("compliant").MaxBy(Severity)!;

    private sealed class HostBaselineComparer : IEqualityComparer<(string Host, string Baseline)>
    {
        public bool Equals((string Host, string Baseline) x, (string Host, string Baseline) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Host, y.Host) && StringComparer.OrdinalIgnoreCase.Equals(x.Baseline, y.Baseline);

        public int GetHashCode((string Host, string Baseline) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Host), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Baseline));
    }
}

/// <summary>A host: its worst state over its roles, when a report last came from it, and whether that is too long ago.</summary>
public sealed record FleetHost(string Name, string Status, DateTimeOffset LastSeen, bool Stale, IReadOnlyList<HostRole> Roles);

/// <summary>One baseline on one host, from its newest report.</summary>
public sealed record HostRole(string Baseline, string Command, string Status, DateTimeOffset StartedAt, string File);

/// <summary>A baseline across the fleet: how many hosts report it, and each of its resources.</summary>
public sealed record FleetRole(string Baseline, int HostCount, IReadOnlyList<FleetResource> Resources);

/// <summary>A resource across the hosts of a role: bucket → the hosts in it (with the status as reported).</summary>
public sealed record FleetResource(string Id, string Type, IReadOnlyDictionary<string, IReadOnlyList<HostStatus>> Hosts)
{
    public int Count(string bucket) => Hosts.TryGetValue(bucket, out var hosts) ? hosts.Count : 0;

    public IReadOnlyList<HostStatus> In(string bucket) => Hosts.TryGetValue(bucket, out var hosts) ? hosts : [];
}

public sealed record HostStatus(string Host, string Status);
