using BackupReconciler.Host;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.SqlLogin;

/// <summary>
/// A Windows login exists on a SQL Server instance and holds at least the given server roles
/// (seed 002: NT SERVICE\AzureWLBackupPluginSvc in sysadmin). Missing roles are added; none is removed.
/// </summary>
public sealed record SqlLoginResource(string Instance, string Login, IReadOnlyList<string> ServerRoles) : Resource<SqlLoginActual>
{
    public override string TypeName => SqlLoginResourceType.TypeName;

    public override SqlLoginActual Read(IHost host)
    {
        var logins = host.Sql.ReadLogins(Instance)
            ?? throw new HostOperationException($"the SQL Server instance \"{Instance}\" is not installed on {host.ComputerName}; correct \"instance\".");
        return new SqlLoginActual(Instance, logins.GetValueOrDefault(Login));
    }

    public override IReadOnlyList<Difference> Compare(SqlLoginActual actual, IHost host)
    {
        var differences = new List<Difference>();
        if (actual.Login is null)
        {
            differences.Add(Difference.Of("login", null, DifferenceValue.Text(Login)));
        }

        var held = actual.Login?.ServerRoles ?? [];
        var missing = MissingRoles(held);
        if (missing.Count > 0)
        {
            differences.Add(Difference.Of("serverRoles", DifferenceValue.TextList(held), DifferenceValue.TextList([.. held, .. missing])));
        }

        return differences;
    }

    public override UndoStep UndoOf(SqlLoginActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("logins and role memberships are only ever added, never removed by this tool; remove them in SQL Server by hand");

    public override void Apply(IHost host, SqlLoginActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.Any(c => c.Property == "login"))
        {
            host.Sql.CreateWindowsLogin(Instance, Login);
        }

        if (changes.Any(c => c.Property == "serverRoles"))
        {
            foreach (var role in MissingRoles(actual.Login?.ServerRoles ?? []))
            {
                host.Sql.AddServerRoleMember(Instance, role, Login);
            }
        }
    }

    private List<string> MissingRoles(IReadOnlyList<string> held) =>
        ServerRoles.Where(role => !held.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();

}

/// <summary>What <c>get</c> shows: the login and its roles, or null when it does not exist.</summary>
public sealed record SqlLoginActual(string Instance, Host.Sql.SqlLogin? Login) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["instance"] = Instance,
        ["login"] = Login?.Name,
        ["serverRoles"] = Login is null ? null : new JArray(Login.ServerRoles.Cast<object>().ToArray()),
    };
}
