using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Sql;
using Microsoft.Data.SqlClient;

namespace BackupReconciler.Windows.Sql;

/// <summary>
/// The SQL Server port on the live machine, through Microsoft.Data.SqlClient: the local instance
/// (".\INSTANCE", "." for MSSQLSERVER) with Windows integrated security, one parameterised query per read
/// and one batch per change set (<see cref="SqlStatements"/>), each under a command timeout and the
/// adapter's deadline. Whether an instance is installed comes from the registry, so a stopped instance
/// fails its resources instead of reading as absent.
/// </summary>
public sealed class WindowsSqlServer : ISqlServer
{
    /// <summary>What opening a connection may take; queries have the adapter's whole timeout.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly IRegistry _registry;
    private readonly TimeSpan _timeout;
    private readonly Func<string, string> _dataSource;

    /// <param name="registry">Where SQL Server Setup lists the installed instances.</param>
    /// <param name="timeout">The longest one query or batch may take (default 30 s).</param>
    public WindowsSqlServer(IRegistry registry, TimeSpan? timeout = null)
        : this(registry, timeout, SqlInstances.DataSource)
    {
    }

    /// <summary>Tests point <paramref name="dataSource"/> at a server of their own.</summary>
    internal WindowsSqlServer(IRegistry registry, TimeSpan? timeout, Func<string, string> dataSource)
    {
        _registry = registry;
        _timeout = timeout ?? HostCall.DefaultTimeout;
        _dataSource = dataSource;
    }

    public IReadOnlyList<SqlAgentJob>? ReadAgentJobs(string instance) =>
        SqlInstances.IsInstalled(_registry, instance)
            ? SqlRowMapping.ToJobs(Query(instance, "reading the SQL Server Agent jobs", SqlStatements.ReadAgentJobs))
            : null;

    public void UpdateAgentJobs(string instance, IReadOnlyList<SqlAgentJobUpdate> updates)
    {
        if (updates.Count > 0)
        {
            Execute(instance, $"updating {updates.Count} SQL Server Agent jobs", SqlStatements.UpdateAgentJobs(updates));
        }
    }

    public IReadOnlyDictionary<string, SqlLogin>? ReadLogins(string instance) =>
        SqlInstances.IsInstalled(_registry, instance)
            ? SqlRowMapping.ToLogins(Query(instance, "reading the server logins", SqlStatements.ReadLogins))
            : null;

    public void CreateWindowsLogin(string instance, string login) =>
        Execute(instance, $"creating the login {login}", SqlStatements.CreateWindowsLogin(login));

    public void AddServerRoleMember(string instance, string role, string login) =>
        Execute(instance, $"adding {login} to the server role {role}", SqlStatements.AddServerRoleMember(role, login));

    /// <summary>The backup work running on the instance (BackupActivity's one query), as rows.</summary>
    internal List<object?[]> ReadRunningBackupWork(string instance) =>
        Query(instance, "reading the running backup work", BackupActivity.BackupActivityStatements.ReadRunning);

    /// <summary>
    /// Integrated security on the local instance. The connection is encrypted, and the server's
    /// certificate is trusted without a chain: a local instance usually has only its self-signed one, and
    /// the connection never leaves the machine.
    /// </summary>
    internal string ConnectionString(string instance) => new SqlConnectionStringBuilder
    {
        DataSource = _dataSource(instance),
        InitialCatalog = "master",
        IntegratedSecurity = true,
        Encrypt = SqlConnectionEncryptOption.Mandatory,
        TrustServerCertificate = true,
        ConnectTimeout = (int)ConnectTimeout.TotalSeconds,
        CommandTimeout = CommandTimeoutSeconds,
        ApplicationName = "BackupReconciler",
        Pooling = true,
    }.ConnectionString;

    private int CommandTimeoutSeconds => Math.Max(1, (int)Math.Ceiling(_timeout.TotalSeconds));

    private List<object?[]> Query(string instance, string what, SqlStatement statement) =>
        Run(instance, what, command =>
        {
            var rows = new List<object?[]>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
            }

            return rows;
        }, statement);

    private void Execute(string instance, string what, SqlStatement statement) =>
        Run(instance, what, command => command.ExecuteNonQuery(), statement);

    private T Run<T>(string instance, string what, Func<SqlCommand, T> call, SqlStatement statement) =>
        HostCall.Run($"{what} of SQL Server instance {instance}", _timeout + ConnectTimeout, () =>
        {
            try
            {
                using var connection = new SqlConnection(ConnectionString(instance));
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = statement.Text;
                command.CommandTimeout = CommandTimeoutSeconds;
                foreach (var parameter in statement.Parameters)
                {
                    command.Parameters.Add(parameter.ToSqlParameter());
                }

                return call(command);
            }
            catch (SqlException e)
            {
                throw SqlFailure.From(e, instance);
            }
        });
}
