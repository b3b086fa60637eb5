using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.Sql;

/// <summary>
/// The snapshot's <c>sqlInstances</c> section: per instance (names ignore case) its Agent <c>jobs</c>
/// and its <c>logins</c> (<c>{ "NT SERVICE\x": { "serverRoles": ["sysadmin"] } }</c>).
/// Calls are counted so tests can prove that cost does not grow with the job count.
/// </summary>
public sealed class SnapshotSqlInstances(FaultInjector faults) : SnapshotSection("sqlInstances", faults, Faults), ISqlServer
{
    public static readonly FaultKind Faults = FaultKind.Named("sql", "instance", 4);

    private readonly Dictionary<string, Instance> _instances = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times jobs were read (each read returns all jobs of an instance).</summary>
    public int JobReads { get; private set; }

    /// <summary>How many update batches were applied.</summary>
    public int JobBatches { get; private set; }

    /// <summary>How many job updates the batches held in total.</summary>
    public int JobUpdates { get; private set; }

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            if (_instances.ContainsKey(property.Name))
            {
                throw reader.Error(property, $"the SQL Server instance \"{property.Name}\" appears twice (instance names ignore case); merge them.");
            }

            _instances[property.Name] = LoadInstance(JsonObjectReader.ForObject(property.Value, file, $"SQL Server instance \"{property.Name}\""), property.Name);
        }
    }

    protected override JToken Write(bool sorted) =>
        new JObject(InOrder(_instances.Values, i => i.Name, sorted).Select(instance =>
        {
            var json = new JObject();
            if (instance.HadJobs || instance.Jobs.Count > 0)
            {
                json["jobs"] = new JArray(instance.Jobs.Select(SaveJob));
            }

            if (instance.HadLogins || instance.Logins.Count > 0)
            {
                json["logins"] = new JObject(InOrder(instance.Logins.Values, l => l.Name, sorted).Select(login =>
                    new JProperty(login.Name, new JObject { ["serverRoles"] = Strings(login.ServerRoles) })));
            }

            return new JProperty(instance.Name, json);
        }));

    /// <summary>Records the jobs a capture read of an installed instance, in place of any recorded before.</summary>
    internal void RecordJobs(string instance, IReadOnlyList<SqlAgentJob> jobs)
    {
        _instances[instance] = Held(instance) with { HadJobs = true, Jobs = [.. jobs] };
        MarkRecorded();
    }

    /// <summary>Records the logins a capture read of an installed instance, in place of any recorded before.</summary>
    internal void RecordLogins(string instance, IReadOnlyDictionary<string, SqlLogin> logins)
    {
        var byName = new Dictionary<string, SqlLogin>(StringComparer.OrdinalIgnoreCase);
        foreach (var login in logins.Values)
        {
            byName[login.Name] = login;
        }

        _instances[instance] = Held(instance) with { HadLogins = true, Logins = byName };
        MarkRecorded();
    }

    private Instance Held(string instance) =>
        _instances.GetValueOrDefault(instance) ?? new Instance(instance, false, [], false, new(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<SqlAgentJob>? ReadAgentJobs(string instance)
    {
        CheckRead(instance);
        JobReads++;
        return _instances.TryGetValue(instance, out var found) ? found.Jobs.ToList() : null;
    }

    public void UpdateAgentJobs(string instance, IReadOnlyList<SqlAgentJobUpdate> updates)
    {
        CheckSet(instance);
        if (!_instances.TryGetValue(instance, out var found))
        {
            throw new HostOperationException($"The SQL Server instance \"{instance}\" was not found or is not accessible.");
        }

        // Resolve every job before changing any, so a bad batch changes nothing (as one transaction would).
        var indexes = found.Jobs
            .Select((job, index) => (job.Name, index))
            .ToDictionary(x => x.Name, x => x.index, StringComparer.OrdinalIgnoreCase);
        var resolved = updates.Select(update => indexes.TryGetValue(update.JobName, out var index)
            ? (update, index)
            : throw new HostOperationException($"The specified @job_name ('{update.JobName}') does not exist. (14262)")).ToList();

        JobBatches++;
        JobUpdates += updates.Count;
        foreach (var (update, index) in resolved)
        {
            var job = found.Jobs[index];
            found.Jobs[index] = job with { Enabled = update.Enabled ?? job.Enabled, Owner = update.Owner ?? job.Owner };
        }

        if (updates.Count > 0)
        {
            MarkChanged();
        }
    }

    public IReadOnlyDictionary<string, SqlLogin>? ReadLogins(string instance)
    {
        CheckRead(instance);
        return _instances.TryGetValue(instance, out var found)
            ? new Dictionary<string, SqlLogin>(found.Logins, StringComparer.OrdinalIgnoreCase)
            : null;
    }

    public void CreateWindowsLogin(string instance, string login)
    {
        var found = Existing(instance);
        if (found.Logins.ContainsKey(login))
        {
            throw new HostOperationException($"The server principal '{login}' already exists. (15025)");
        }

        found.Logins[login] = new SqlLogin(login, []);
        MarkChanged();
    }

    public void AddServerRoleMember(string instance, string role, string login)
    {
        var found = Existing(instance);
        if (!found.Logins.TryGetValue(login, out var existing))
        {
            throw new HostOperationException($"Cannot add the principal '{login}', because it does not exist or you do not have permission. (15151)");
        }

        if (!existing.ServerRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            found.Logins[existing.Name] = existing with { ServerRoles = [.. existing.ServerRoles, role] };
            MarkChanged();
        }
    }

    private Instance Existing(string instance)
    {
        CheckSet(instance);
        return _instances.TryGetValue(instance, out var found)
            ? found
            : throw new HostOperationException($"The SQL Server instance \"{instance}\" was not found or is not accessible.");
    }

    private static Dictionary<string, SqlLogin> LoadLogins(JsonObjectReader instance)
    {
        var logins = new Dictionary<string, SqlLogin>(StringComparer.OrdinalIgnoreCase);
        if (instance.OptionalObject("logins", $"\"logins\" of {instance.Subject}") is not { } section)
        {
            return logins;
        }

        foreach (var property in section.Json.Members)
        {
            var login = JsonObjectReader.ForObject(property.Value, instance.File, $"login \"{property.Name}\" of {instance.Subject}");
            var roles = login.OptionalStringList("serverRoles") ?? [];
            login.RejectUnknownMembers();
            if (!logins.TryAdd(property.Name, new SqlLogin(property.Name, roles)))
            {
                throw section.Error(property, $"the login \"{property.Name}\" appears twice in {instance.Subject} (login names ignore case); keep one.");
            }
        }

        return logins;
    }

    private static Instance LoadInstance(JsonObjectReader reader, string name)
    {
        var jobs = new List<SqlAgentJob>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var jobsToken = reader.Optional("jobs");
        if (jobsToken is not null and not JsonArrayItem)
        {
            throw reader.Error(jobsToken, $"\"jobs\" of {reader.Subject} must be an array of {{ \"name\", \"enabled\", \"owner\", \"stepCommand\" }}; found {JsonObjectReader.Describe(jobsToken)}.");
        }

        foreach (var item in (IEnumerable<JsonItem>?)(JsonArrayItem?)jobsToken ?? [])
        {
            var job = JsonObjectReader.ForObject(item, reader.File, "a job of {0}", reader.Subject);
            var jobName = job.RequiredString("name");
            var loaded = new SqlAgentJob(
                jobName,
                job.OptionalBool("enabled") ?? throw job.Error(null, $"job \"{jobName}\" of {reader.Subject} has no \"enabled\"; add \"enabled\": true or false."),
                job.OptionalString("owner") ?? throw job.Error(null, $"job \"{jobName}\" of {reader.Subject} has no \"owner\"; add \"owner\": \"...\" (the login that owns the job, such as \"sa\")."),
                job.Optional("stepCommand") is { } command ? job.AsString(command, "stepCommand") : "");
            job.RejectUnknownMembers();
            if (!names.Add(jobName))
            {
                throw job.Error(job.Json["name"], $"the job \"{jobName}\" appears twice in {reader.Subject} (SQL Server Agent job names are unique); keep one.");
            }

            jobs.Add(loaded);
        }

        var hadLogins = reader.Has("logins");
        var logins = LoadLogins(reader);
        reader.RejectUnknownMembers();
        return new Instance(name, jobsToken is not null, jobs, hadLogins, logins);
    }

    private static JObject SaveJob(SqlAgentJob job)
    {
        var json = new JObject { ["name"] = job.Name, ["enabled"] = job.Enabled, ["owner"] = job.Owner };
        if (job.StepCommand.Length > 0)
        {
            json["stepCommand"] = job.StepCommand;
        }

        return json;
    }

    private sealed record Instance(string Name, bool HadJobs, List<SqlAgentJob> Jobs, bool HadLogins, Dictionary<string, SqlLogin> Logins);
}
