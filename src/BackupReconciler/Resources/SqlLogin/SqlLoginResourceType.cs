using BackupReconciler.Host.Sql;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.SqlLogin;

/// <summary>Reads <c>sqlLogin</c> resources: <c>instance</c>, <c>login</c> (a Windows account) and <c>serverRoles</c>.</summary>
public sealed class SqlLoginResourceType : IResourceType
{
    public const string TypeName = "sqlLogin";

    /// <summary>SQL Server's fixed server roles; a typo here must not become a role that never exists.</summary>
    private static readonly string[] FixedServerRoles =
        ["sysadmin", "serveradmin", "securityadmin", "processadmin", "setupadmin", "bulkadmin", "diskadmin", "dbcreator", "public"];

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var instance = SqlInstanceName.Read(properties);
        var login = properties.RequiredString("login");
        if (!login.Contains('\\', StringComparison.Ordinal) || login.StartsWith('\\') || login.EndsWith('\\'))
        {
            throw properties.Error(properties.Json["login"],
                $"\"login\" of {properties.Subject} is \"{login}\"; give a Windows account as DOMAIN\\name, such as \"NT SERVICE\\\\AzureWLBackupPluginSvc\" (SQL logins with passwords are never managed).");
        }

        var roles = properties.OptionalStringList("serverRoles") ?? [];
        foreach (var role in roles)
        {
            if (!FixedServerRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                throw properties.Error(properties.Json["serverRoles"],
                    $"\"{role}\" in \"serverRoles\" of {properties.Subject} is not a fixed server role{JsonObjectReader.Suggest(role, FixedServerRoles)}; use: {string.Join(", ", FixedServerRoles)}.");
            }
        }

        properties.RejectUnknownMembers();
        return new SqlLoginResource(instance, login, roles.Select(r => FixedServerRoles.First(f => f.Equals(r, StringComparison.OrdinalIgnoreCase))).Distinct().ToList());
    }
}
