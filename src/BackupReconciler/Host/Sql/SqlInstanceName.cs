using BackupReconciler.Input;

namespace BackupReconciler.Host.Sql;

/// <summary>
/// A SQL Server instance name and the Windows services that belong to it. The default instance
/// (MSSQLSERVER) has its own service names; a named instance X runs as <c>MSSQL$X</c> and <c>SQLAgent$X</c>.
/// </summary>
public static class SqlInstanceName
{
    public const string DefaultInstance = "MSSQLSERVER";

    /// <summary>SQL Server Setup's limit on instance names.</summary>
    private const int MaxLength = 16;

    public static bool IsDefault(string instance) => instance.Equals(DefaultInstance, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQL Server Agent service of the instance.</summary>
    public static string AgentService(string instance) => IsDefault(instance) ? "SQLSERVERAGENT" : "SQLAgent$" + instance;

    /// <summary>The database engine service of the instance.</summary>
    public static string EngineService(string instance) => IsDefault(instance) ? DefaultInstance : "MSSQL$" + instance;

    /// <summary>SQL Server Setup's rules: up to 16 characters, a letter or '_' first, then letters, digits, '_' or '$'.</summary>
    public static bool IsValid(string instance) =>
        instance.Length <= MaxLength
        && (char.IsLetter(instance[0]) || instance[0] == '_')
        && instance.All(c => char.IsLetterOrDigit(c) || c is '_' or '$')
        && !instance.Equals("Default", StringComparison.OrdinalIgnoreCase);

    internal static string Read(JsonObjectReader reader)
    {
        var instance = reader.RequiredString("instance");
        if (IsValid(instance))
        {
            return instance;
        }

        var hint = instance.Contains('\\', StringComparison.Ordinal)
            ? $" give only the part after the backslash (\"{instance[(instance.LastIndexOf('\\') + 1)..]}\"): the resource runs on the SQL Server's own host"
            : " give the instance name as in the service name SQLAgent$<instance>, such as \"MSDPM2012\" (up to 16 letters, digits, '_' or '$', starting with a letter or '_'; \"MSSQLSERVER\" for the default instance)";
        throw reader.Error(reader.Json["instance"], $"\"instance\" of {reader.Subject} is \"{instance}\", not a SQL Server instance name;{hint}.");
    }
}
