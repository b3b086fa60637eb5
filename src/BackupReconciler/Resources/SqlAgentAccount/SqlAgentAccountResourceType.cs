using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Sql;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.SqlAgentAccount;

/// <summary>Reads <c>sqlAgentAccount</c> resources: <c>instance</c>, and optionally <c>setupKey</c> and <c>valueNames</c>.</summary>
public sealed class SqlAgentAccountResourceType : IResourceType
{
    public const string TypeName = "sqlAgentAccount";

    /// <summary>Where DPM records the SQL Server Agent account it checks at every start (KB 4456295).</summary>
    public const string DefaultSetupKey = @"HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Setup";

    public static readonly IReadOnlyList<string> DefaultValueNames = ["SqlAgentAccountName", "SchedulerJobOwnerName"];

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var instance = SqlInstanceName.Read(properties);
        var setupKey = properties.Optional("setupKey") is null ? RegistryKeyPath.Parse(DefaultSetupKey) : RegistryKeyPath.Read(properties, "setupKey");
        var valueNames = ReadValueNames(properties);
        properties.RejectUnknownMembers();
        return new SqlAgentAccountResource(instance, setupKey, valueNames);
    }

    private static IReadOnlyList<string> ReadValueNames(JsonObjectReader properties)
    {
        if (properties.OptionalStringList("valueNames") is not { } names)
        {
            return DefaultValueNames;
        }

        var token = properties.Json["valueNames"];
        if (names.Count == 0)
        {
            throw properties.Error(token, $"\"valueNames\" of {properties.Subject} is empty; name at least one value, or remove \"valueNames\" to use {string.Join(" and ", DefaultValueNames)}.");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? names
            : throw properties.Error(token, $"the value \"{duplicate.Key}\" appears twice in \"valueNames\" of {properties.Subject} (value names ignore case on Windows); keep one.");
    }
}
