using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Sql;
using BackupReconciler.Resources.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.SqlAgentAccount;

/// <summary>
/// DPM's record of the SQL Server Agent account (registry values under its Setup key) must name the
/// account the Agent service really logs on as; otherwise DPM's internal interfaces reject the Agent
/// and scheduled backups silently stop (KB 4456295, "Check the logon account credentials").
/// </summary>
public sealed record SqlAgentAccountResource(string Instance, RegistryKeyPath SetupKey, IReadOnlyList<string> ValueNames)
    : Resource<SqlAgentAccountActual>
{
    public override string TypeName => SqlAgentAccountResourceType.TypeName;

    public string AgentService => SqlInstanceName.AgentService(Instance);

    /// <summary>The seed's step 3: the Agent and the database engine pick up the account only when restarted.</summary>
    public override IReadOnlyList<string> RestartsWhenChanged => [AgentService, SqlInstanceName.EngineService(Instance)];

    public override IReadOnlyList<string> FollowUpsWhenChanged =>
    [
        "On the DPM server, select each protection group, select Modify and complete the wizard without making any changes, "
            + $"so that DPM regenerates its SQL Server Agent jobs on instance {Instance} with the updated account (KB 4456295, step 4).",
        "If the SQL Server Agent account is not MICROSOFT$DPM$Acct, grant it the DCOM launch and activation permissions that MICROSOFT$DPM$Acct has on "
            + "\"Microsoft System Center Data Protection Manager 2010 Service\" (DCOMCNFG > Component Services > DCOM Config) (KB 4456295, step 5).",
    ];

    public override SqlAgentAccountActual Read(IHost host)
    {
        if (host.Services.Find(AgentService) is not { } agent)
        {
            throw new HostOperationException(
                $"the SQL Server Agent service \"{AgentService}\" of instance \"{Instance}\" is not installed on {host.ComputerName}, so there is no account to record; check \"instance\" (DPM's is named like MSDPM2012).");
        }

        var values = host.Registry.ReadKey(SetupKey, RegistryView.Registry64)
            ?? throw new HostOperationException(
                $"the key {SetupKey.FullName} does not exist on {host.ComputerName}, so DPM is not installed here; run this resource on the DPM server, or correct \"setupKey\".");
        return new SqlAgentAccountActual(
            agent.Name,
            AccountName.Normalize(agent.Account, host.ComputerName),
            SetupKey.FullName,
            ValueNames.ToDictionary(name => name, name => values.GetValueOrDefault(name), StringComparer.OrdinalIgnoreCase));
    }

    public override IReadOnlyList<Difference> Compare(SqlAgentAccountActual actual, IHost host)
    {
        var differences = new List<Difference>();
        foreach (var name in ValueNames)
        {
            var current = actual.Values[name];
            if (current is null)
            {
                differences.Add(Difference.Of(name, null, new RegistryDataValue(RegistryValue.String(actual.AgentAccount), ShowsKind: false)));
            }
            else if (current.Kind != RegistryValueKind.String)
            {
                differences.Add(Difference.Of(name, new RegistryDataValue(current, ShowsKind: true), new RegistryDataValue(RegistryValue.String(actual.AgentAccount), ShowsKind: true)));
            }
            else if (!AccountName.AreSame(current.Text!, actual.AgentAccount, host.ComputerName))
            {
                differences.Add(Difference.Of(name, new RegistryDataValue(current, ShowsKind: false), new RegistryDataValue(RegistryValue.String(actual.AgentAccount), ShowsKind: false)));
            }
        }

        return differences;
    }

    /// <summary>Undo writes the previous values back through a registry resource (and SQL Server restarts again).</summary>
    public override UndoStep UndoOf(SqlAgentAccountActual actual, IReadOnlyList<Difference> changes) =>
        Registry.RegistryUndo.Of(SetupKey, RegistryView.Registry64, new JObject(changes.Select(change =>
        {
            var name = ValueNames.Single(n => n.Equals(change.Property, StringComparison.OrdinalIgnoreCase));
            return new JProperty(name, Registry.RegistryUndo.PreviousValue(actual.Values[name]));
        })));

    public override void Apply(IHost host, SqlAgentAccountActual actual, IReadOnlyList<Difference> changes)
    {
        // The account as observed, not as read again now: apply makes exactly the change the plan showed.
        var value = RegistryValue.String(actual.AgentAccount);
        foreach (var change in changes)
        {
            var name = ValueNames.Single(n => n.Equals(change.Property, StringComparison.OrdinalIgnoreCase));
            host.Registry.SetValue(SetupKey, RegistryView.Registry64, name, value);
        }
    }
}
