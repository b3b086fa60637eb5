using BackupReconciler.Host.AccessRules;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Host.BackupActivity;
using BackupReconciler.Host.EventLog;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.ScheduledTasks;
using BackupReconciler.Host.Services;
using BackupReconciler.Host.ShadowStorage;
using BackupReconciler.Host.Sql;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Input;
using BackupReconciler.Resources.Service;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot.Capture;

/// <summary>
/// What a capture has read of a host, section by section, and the snapshot document (DESIGN §5) that
/// holds it: exactly the format <see cref="SnapshotHost.Load(string)"/> reads, so a captured server can be
/// audited anywhere. Sections are written only when something of their kind was read, and sorted, so two
/// captures of the same state are the same file.
/// </summary>
public sealed class CapturedHost(string computerName, IReadOnlyDictionary<string, string> facts, DateTimeOffset capturedAt)
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public SortedDictionary<string, IReadOnlyDictionary<string, RegistryValue>> Registry { get; } = new(Names);

    public SortedDictionary<string, ServiceInfo> Services { get; } = new(Names);

    public SortedDictionary<string, IReadOnlyList<FirewallRule>> FirewallRules { get; } = new(Names);

    public SortedDictionary<string, VolumeInfo> Volumes { get; } = new(Names);

    public List<ShadowStorageAssociation> ShadowStorage { get; } = [];

    public AntivirusExclusions? Antivirus { get; set; }

    public SortedDictionary<string, IReadOnlyList<SqlAgentJob>> SqlJobs { get; } = new(Names);

    public SortedDictionary<string, IReadOnlyDictionary<string, SqlLogin>> SqlLogins { get; } = new(Names);

    public SortedDictionary<string, ScheduledTaskInfo> ScheduledTasks { get; } = new(Names);

    public SortedDictionary<string, bool> Features { get; } = new(Names);

    public SortedDictionary<string, FileAccessList> FileAccess { get; } = new(Names);

    public SortedDictionary<string, IReadOnlyList<string>> UserRights { get; } = new(Names);

    public List<EventRecord> Events { get; } = [];

    /// <summary>The backup work that ran when captured, and the host's offset from UTC then; null until read.</summary>
    public (IReadOnlyList<BackupWork> Running, TimeSpan UtcOffset)? BackupActivity { get; set; }

    public JObject ToJson()
    {
        var document = new JObject
        {
            ["snapshotVersion"] = 1,
            ["computerName"] = computerName,
            ["capturedAt"] = UtcTime.ToText(capturedAt),
            ["facts"] = new JObject(facts
                .Where(f => !f.Key.Equals("ComputerName", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new JProperty(f.Key, f.Value))),
        };
        AddIf(document, "registry", Registry.Count > 0, () => new JObject(Registry.Select(key =>
            new JProperty(key.Key, new JObject(key.Value.OrderBy(v => v.Key, Names).Select(v => new JProperty(v.Key, v.Value.ToJson())))))));
        AddIf(document, "services", Services.Count > 0, () => new JObject(Services.Values.Select(s => new JProperty(s.Name, new JObject
        {
            ["startType"] = ServiceNames.StartTypes.NameOf(s.StartType),
            ["state"] = ServiceNames.States.NameOf(s.State),
            ["account"] = s.Account,
            ["dependsOn"] = new JArray(s.DependsOn.Cast<object>().ToArray()),
        }))));
        AddIf(document, "firewallRules", FirewallRules.Count > 0, () => new JArray(FirewallRules.Values.SelectMany(rules => rules).Select(r => r.ToJson())));
        AddIf(document, "volumes", Volumes.Count > 0, () => new JObject(Volumes.Values.Select(v => new JProperty(v.Name, new JObject
        {
            ["sizeBytes"] = v.SizeBytes,
            ["freeBytes"] = v.FreeBytes,
        }))));
        AddIf(document, "shadowStorage", ShadowStorage.Count > 0, () => new JArray(ShadowStorage
            .OrderBy(a => a.ForVolume, StringComparer.Ordinal).ThenBy(a => a.OnVolume, StringComparer.Ordinal)
            .Select(a => new JObject { ["forVolume"] = a.ForVolume, ["onVolume"] = a.OnVolume, ["maxSizeBytes"] = a.MaxSizeBytes })));
        AddIf(document, "antivirus", Antivirus is not null, () => new JObject
        {
            ["exclusionPaths"] = Strings(Antivirus!.Paths),
            ["exclusionProcesses"] = Strings(Antivirus.Processes),
            ["exclusionExtensions"] = Strings(Antivirus.Extensions),
        });
        AddIf(document, "sqlInstances", SqlJobs.Count + SqlLogins.Count > 0, SqlInstances);
        AddIf(document, "scheduledTasks", ScheduledTasks.Count > 0, () => new JObject(ScheduledTasks.Values.Select(t =>
            new JProperty(t.FullPath, new JObject { ["enabled"] = t.Enabled, ["runAs"] = t.RunAs }))));
        AddIf(document, "features", Features.Count > 0, () => new JObject(Features.Select(f => new JProperty(f.Key, new JObject { ["installed"] = f.Value }))));
        AddIf(document, "fileAccess", FileAccess.Count > 0, () => new JObject(FileAccess.Select(path =>
            new JProperty(path.Key, new JArray(path.Value.Rules.Select(AccessRule))))));
        AddIf(document, "userRights", UserRights.Count > 0, () => new JObject(UserRights.Select(r => new JProperty(r.Key, Strings(r.Value)))));
        AddIf(document, "events", Events.Count > 0, () => new JArray(Events
            .OrderBy(e => e.Time).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Id)
            .Select(e => new JObject
            {
                ["log"] = e.Log,
                ["source"] = e.Source,
                ["id"] = e.Id,
                ["time"] = UtcTime.ToText(e.Time),
                ["message"] = e.Message,
            })));
        AddIf(document, "backupActivity", BackupActivity is not null, () => SnapshotBackupActivity.ToJson(BackupActivity!.Value.Running, BackupActivity.Value.UtcOffset));
        return document;
    }

    /// <summary>The document as the snapshot host writes files: UTF-8 without BOM, indented by two, a final newline.</summary>
    public void WriteTo(TextWriter writer)
    {
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        ToJson().WriteTo(json);
        json.Flush();
        writer.Write('\n');
    }

    private JObject SqlInstances() =>
        new(SqlJobs.Keys.Union(SqlLogins.Keys, Names).Order(Names).Select(instance =>
        {
            var json = new JObject();
            if (SqlJobs.TryGetValue(instance, out var jobs))
            {
                json["jobs"] = new JArray(jobs.Select(job =>
                {
                    var item = new JObject { ["name"] = job.Name, ["enabled"] = job.Enabled, ["owner"] = job.Owner };
                    if (job.StepCommand.Length > 0)
                    {
                        item["stepCommand"] = job.StepCommand;
                    }

                    return item;
                }));
            }

            if (SqlLogins.TryGetValue(instance, out var logins))
            {
                json["logins"] = new JObject(logins.Values.OrderBy(l => l.Name, Names).Select(login =>
                    new JProperty(login.Name, new JObject { ["serverRoles"] = Strings(login.ServerRoles) })));
            }

            return new JProperty(instance, json);
        }));

    private static JObject AccessRule(FileAccessRule rule) => new()
    {
        ["identity"] = rule.Identity,
        ["rights"] = FileAccessNames.Rights.NameOf(rule.Rights),
        ["type"] = FileAccessNames.Types.NameOf(rule.Type),
        ["inherit"] = rule.Inherit,
    };

    private static JArray Strings(IEnumerable<string> values) => new(values.Cast<object>().ToArray());

    private static void AddIf(JObject document, string name, bool present, Func<JToken> section)
    {
        if (present)
        {
            document[name] = section();
        }
    }
}
