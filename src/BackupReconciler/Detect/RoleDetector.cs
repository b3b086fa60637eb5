using BackupReconciler.Host;
using BackupReconciler.Host.Registry;

namespace BackupReconciler.Detect;

/// <summary>
/// Which shipped role baselines apply to a host, from what the host has installed: services, registry keys,
/// features and the SQL instances' Agent jobs. Several roles may apply (a DPM server is also a MARS host when
/// it backs up to Azure). Every answer carries its evidence; a read that fails makes that role unknown, never "no".
/// </summary>
public sealed class RoleDetector(IHost host)
{
    /// <summary>Where SQL Server Setup lists the database engine instances (name → instance id).</summary>
    public static readonly RegistryKeyPath SqlInstanceNames = RegistryKeyPath.Parse(@"HKLM\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL");

    public IReadOnlyList<RoleFinding> Detect() =>
    [
        Role("dpm-server", "a System Center DPM server", () =>
        {
            var dpm = Service("MSDPM", "the DPM engine");
            return (dpm.Found, [dpm.Evidence]);
        }),
        Role("dpm-protected-server", "a server DPM protects", () =>
        {
            var agent = Service("DPMRA", "the DPM protection agent");
            var dpm = Service("MSDPM", "the DPM engine");
            return (agent.Found && !dpm.Found, [agent.Evidence, dpm.Found ? "it is the DPM server itself (MSDPM is installed), whose own agent the dpm-server baseline covers" : dpm.Evidence]);
        }),
        Role("mars-agent", "an Azure Backup (MARS) agent host", () =>
        {
            var mars = Service("obengine", "the Microsoft Azure Recovery Services agent");
            return (mars.Found, [mars.Evidence]);
        }),
        Role("sql-azure-vm", "a SQL Server VM backed up by Azure Backup", () =>
        {
            var plugin = Service("AzureWLBackupPluginSvc", "Azure Backup's SQL workload plugin");
            var coordinator = Service("AzureWLBackupCoordinatorSvc", "Azure Backup's workload coordinator");
            return (plugin.Found || coordinator.Found, [plugin.Evidence, coordinator.Evidence]);
        }),
        Role("system-state", "a System State (Windows Server Backup) host", () =>
        {
            var feature = host.Features.IsInstalled("Windows-Server-Backup");
            var engine = Service("wbengine", "Windows Server Backup's block level engine");
            var evidence = feature switch
            {
                true => "the feature Windows-Server-Backup is installed",
                false => "the feature Windows-Server-Backup is not installed",
                null => "this Windows has no Windows-Server-Backup feature",
            };
            return (feature == true, [evidence, engine.Evidence]);
        }),
        Role("dpm-remote-sql", "a remote SQL Server hosting a DPM database", () =>
        {
            var evidence = new List<string>();
            var dpmJobs = 0;
            var instances = host.Registry.ReadKey(SqlInstanceNames, RegistryView.Registry64)?.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
            if (instances.Count == 0)
            {
                evidence.Add("no SQL Server instance is installed (no values under " + SqlInstanceNames.FullName + ")");
            }

            foreach (var instance in instances)
            {
                var jobs = host.Sql.ReadAgentJobs(instance) ?? [];
                var count = jobs.Count(j => j.StepCommand.Contains("TriggerJob.exe", StringComparison.OrdinalIgnoreCase));
                dpmJobs += count;
                evidence.Add($"SQL Server instance {instance} has {count} DPM job{(count == 1 ? "" : "s")} (a step running TriggerJob.exe)");
            }

            var dpm = Service("MSDPM", "the DPM engine");
            evidence.Add(dpm.Found ? "but DPM itself runs here (MSDPM is installed): its database is local, the dpm-server baseline covers it" : dpm.Evidence);
            return (dpmJobs > 0 && !dpm.Found, evidence);
        }),
    ];

    private (bool Found, string Evidence) Service(string name, string what)
    {
        var service = host.Services.Find(name);
        return service is null
            ? (false, $"service {name} ({what}) is not installed")
            : (true, $"service {name} ({what}) is installed, {Resources.Service.ServiceNames.StartTypes.NameOf(service.StartType)}, {Resources.Service.ServiceNames.States.NameOf(service.State)}");
    }

    private static RoleFinding Role(string role, string description, Func<(bool Applies, IReadOnlyList<string> Evidence)> check)
    {
        try
        {
            var (applies, evidence) = check();
            return new RoleFinding(role, description, applies, evidence, null);
        }
        catch (HostOperationException e)
        {
            return new RoleFinding(role, description, null, [], $"could not read: {e.Message}");
        }
    }
}

/// <summary>
/// One shipped role: whether its baseline (<c>baselines/&lt;Role&gt;.json</c>) applies (null: it could not be
/// told, see <paramref name="Error"/>), and why.
/// </summary>
public sealed record RoleFinding(string Role, string Description, bool? Applies, IReadOnlyList<string> Evidence, string? Error)
{
    public string Baseline => $"baselines/{Role}.json";
}
