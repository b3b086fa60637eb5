using BackupReconciler.Host;
using BackupReconciler.Host.Sql;

namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>
/// DPM's scheduled jobs (SQL Server Agent jobs whose step runs TriggerJob.exe) are enabled and owned
/// by the declared account, and the TriggerJob.exe they run exists (KB 4456295). Every other job is
/// left alone, whatever <see cref="Match"/> says: it only narrows the DPM jobs. Set-based: one read
/// of all jobs, one batch of updates, whatever the number of jobs.
/// </summary>
public sealed record SqlAgentJobsResource(string Instance, WildcardPattern? Match, bool Enabled, string? Owner)
    : Resource<SqlAgentJobsActual>
{
    /// <summary>More missing paths than this are counted in one further difference, not listed one by one.</summary>
    private const int MissingPathsShown = 5;

    public override string TypeName => SqlAgentJobsResourceType.TypeName;

    public override SqlAgentJobsActual Read(IHost host)
    {
        var jobs = host.Sql.ReadAgentJobs(Instance)
            ?? throw new HostOperationException($"the SQL Server instance \"{Instance}\" is not installed on {host.ComputerName}; check \"instance\" (DPM's is named like MSDPM2012).");
        var dpmJobs = jobs
            .Select(job => (job, program: TriggerJobCommand.ProgramOf(job.StepCommand)))
            .Where(x => x.program is not null)
            .ToList();
        var selected = dpmJobs
            .Where(x => Match is null || Match.IsMatch(x.job.StepCommand))
            .Select(x => new SelectedJob(x.job, x.program!))
            .ToList();

        // Thousands of jobs share a handful of paths: one lookup per distinct path.
        var missing = !host.Files.CanSeeFiles
            ? []
            : selected
                .Select(j => j.Program)
                .Where(path => TriggerJobCommand.IsDriveAbsolute(path))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(path => !host.Files.FileExists(path))
                .ToList();
        return new SqlAgentJobsActual(Instance, jobs.Count, dpmJobs.Count, selected, host.Files.CanSeeFiles, missing);
    }

    public override IReadOnlyList<Difference> Compare(SqlAgentJobsActual actual, IHost host)
    {
        var differences = new List<Difference>();
        var total = $"{JobNames.Count(actual.Selected.Count)} {(Match is null ? "DPM jobs" : "DPM jobs matching " + Match)}";

        var wrongState = actual.Selected.Where(j => j.Job.Enabled != Enabled).Select(j => j.Job.Name).ToList();
        if (wrongState.Count > 0)
        {
            differences.Add(Difference.Of("enabled",
                DifferenceValue.Text($"{JobNames.Count(wrongState.Count)} of {total} {(Enabled ? "disabled" : "enabled")}: {JobNames.Summarize(wrongState)}"),
                DifferenceValue.Flag(Enabled)));
        }

        if (Owner is not null)
        {
            var wrongOwner = actual.Selected.Where(j => !AccountName.AreSame(j.Job.Owner, Owner, host.ComputerName)).ToList();
            if (wrongOwner.Count > 0)
            {
                var owners = wrongOwner
                    .GroupBy(j => j.Job.Owner, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(g => $"{g.Key} ×{JobNames.Count(g.Count())}");
                differences.Add(Difference.Of("owner",
                    DifferenceValue.Text($"{JobNames.Count(wrongOwner.Count)} of {total} owned by {string.Join(", ", owners)}: {JobNames.Summarize(wrongOwner.Select(j => j.Job.Name))}"),
                    DifferenceValue.Text(AccountName.Normalize(Owner, host.ComputerName))));
            }
        }

        differences.AddRange(MissingPathDifferences(actual, total, host.ComputerName));
        return differences;
    }

    public override UndoStep UndoOf(SqlAgentJobsActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("disabling DPM's jobs again would stop scheduled backups; change them in SQL Server Agent by hand");

    public override void Apply(IHost host, SqlAgentJobsActual actual, IReadOnlyList<Difference> changes)
    {
        var setEnabled = changes.Any(c => c.Property == "enabled");
        var owner = changes.Any(c => c.Property == "owner") ? AccountName.Normalize(Owner!, host.ComputerName) : null;
        var updates = actual.Selected
            .Select(j => new SqlAgentJobUpdate(
                j.Job.Name,
                setEnabled && j.Job.Enabled != Enabled ? Enabled : null,
                owner is not null && !AccountName.AreSame(j.Job.Owner, owner, host.ComputerName) ? owner : null))
            .Where(u => u.Enabled is not null || u.Owner is not null)
            .ToList();
        if (updates.Count > 0)
        {
            host.Sql.UpdateAgentJobs(Instance, updates);
        }
    }

    /// <summary>
    /// A job whose TriggerJob.exe is gone fails at every schedule while DPM shows its data source as OK.
    /// Only a person can fix it (the path belongs to a DPM version's SQL Prep), so the difference is manual.
    /// </summary>
    private IEnumerable<Difference> MissingPathDifferences(SqlAgentJobsActual actual, string total, string computerName)
    {
        var reason = $"SQL Server Agent cannot start these jobs, so their backups do not run while DPM shows the data sources as OK. "
            + $"On a remote SQL Server this follows running a later DPM version's SQL Server Prep, which moves TriggerJob.exe (for example from ...\\DPM2012\\SQLPrep to ...\\DPM2012R2\\SQLPrep): "
            + $"rerun the SQL Server Prep of the DPM version that created these jobs on {computerName}, then start one job by hand to check (KB 4456295)";
        foreach (var path in actual.MissingPaths.Order(StringComparer.OrdinalIgnoreCase).Take(MissingPathsShown))
        {
            var users = actual.Selected.Where(j => j.Program.Equals(path, StringComparison.OrdinalIgnoreCase)).Select(j => j.Job.Name).ToList();
            yield return Difference.Manual("triggerJobPath",
                DifferenceValue.Text($"{path}, which does not exist; {JobNames.Count(users.Count)} of {total} run it: {JobNames.Summarize(users)}"),
                DifferenceValue.Text("an existing TriggerJob.exe"),
                reason);
        }

        if (actual.MissingPaths.Count > MissingPathsShown)
        {
            var rest = actual.MissingPaths.Order(StringComparer.OrdinalIgnoreCase).Skip(MissingPathsShown).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var users = actual.Selected.Count(j => rest.Contains(j.Program));
            yield return Difference.Manual("triggerJobPath",
                DifferenceValue.Text($"{JobNames.Count(rest.Count)} further TriggerJob.exe paths do not exist; {JobNames.Count(users)} of {total} run them"),
                DifferenceValue.Text("an existing TriggerJob.exe"),
                reason);
        }
    }
}
