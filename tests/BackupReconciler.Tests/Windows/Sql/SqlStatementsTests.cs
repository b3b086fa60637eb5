using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackupReconciler.Host.Registry;
using BackupReconciler.Host.Sql;
using BackupReconciler.Snapshot;
using BackupReconciler.Windows.Sql;

namespace BackupReconciler.Tests.Windows.Sql;

/// <summary>The SQL adapter's T-SQL: constant texts, values only as parameters, one statement per read or change set.</summary>
public sealed class SqlStatementsTests
{
    private const string Hostile = "x']; DROP LOGIN [sa]; --\"<job/>";

    public static TheoryData<string, SqlStatement> Statements() => new()
    {
        { "read jobs", SqlStatements.ReadAgentJobs },
        { "read logins", SqlStatements.ReadLogins },
        { "update jobs", SqlStatements.UpdateAgentJobs([new SqlAgentJobUpdate(Hostile, true, Hostile)]) },
        { "create login", SqlStatements.CreateWindowsLogin(Hostile) },
        { "add role member", SqlStatements.AddServerRoleMember(Hostile, Hostile) },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void EveryValueTravelsAsAParameterNeverInTheText(string what, SqlStatement statement)
    {
        Assert.DoesNotContain(Hostile, statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", statement.Text, StringComparison.Ordinal);
        Assert.True(statement.Parameters.All(p => p.Name.StartsWith('@')), what);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void EveryParameterTheTextUsesIsGivenAndEveryGivenOneIsUsed(string what, SqlStatement statement)
    {
        var declared = DeclaredVariables().Matches(statement.Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = Variables().Matches(statement.Text).Select(m => m.Value)
            .Where(v => !v.StartsWith("@@", StringComparison.Ordinal) && !declared.Contains(v) && v is not ("@job_name" or "@enabled" or "@owner_login_name"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(used.Order(StringComparer.Ordinal), statement.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(what);
    }

    [Fact]
    public void AllJobsWithTheirFirstStepAndOwnerAreOneQueryOfMsdb()
    {
        var text = SqlStatements.ReadAgentJobs.Text;

        Assert.Contains("FROM msdb.dbo.sysjobs AS j", text, StringComparison.Ordinal);
        Assert.Contains("s.step_id = 1", text, StringComparison.Ordinal);
        Assert.Contains("SUSER_SNAME(j.owner_sid)", text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(text, "SELECT", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AllLoginsWithTheirFixedServerRolesAreOneQuery()
    {
        var text = SqlStatements.ReadLogins.Text;

        Assert.Contains("sys.server_role_members", text, StringComparison.Ordinal);
        Assert.Contains("is_fixed_role = 1", text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(text, "SELECT", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AWholeChangeSetIsOneBatchWithOneXmlParameterInOneTransaction()
    {
        var updates = Enumerable.Range(0, 5000).Select(i => new SqlAgentJobUpdate($"job-{i}", i % 2 == 0, i % 3 == 0 ? @"DPM01\MICROSOFT$DPM$Acct" : null)).ToList();

        var statement = SqlStatements.UpdateAgentJobs(updates);

        var parameter = Assert.Single(statement.Parameters);
        Assert.Equal(("@batch", System.Data.SqlDbType.Xml), (parameter.Name, parameter.Type));
        Assert.Equal(5000, XElement.Parse((string)parameter.Value!).Elements("job").Count());
        Assert.Contains("BEGIN TRANSACTION", statement.Text, StringComparison.Ordinal);
        Assert.Contains("EXEC @result = msdb.dbo.sp_update_job", statement.Text, StringComparison.Ordinal);
        Assert.Contains("(14262)", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBatchXmlHoldsNamesAsDataAndLeavesUnchangedSettingsOut()
    {
        var xml = SqlStatements.BatchXml([new SqlAgentJobUpdate(Hostile, null, "CONTOSO\\dpm"), new SqlAgentJobUpdate("plain", false, null)]);

        var jobs = XElement.Parse(xml).Elements("job").ToList();
        Assert.Equal((Hostile, null, "CONTOSO\\dpm"), ((string)jobs[0].Attribute("name")!, (string?)jobs[0].Attribute("enabled"), (string?)jobs[0].Attribute("owner")));
        Assert.Equal(("plain", "0", null), ((string)jobs[1].Attribute("name")!, (string?)jobs[1].Attribute("enabled"), (string?)jobs[1].Attribute("owner")));
    }

    [Fact]
    public void JobRowsBecomeJobsAndAJobWithoutStepsHasNoCommand()
    {
        var jobs = SqlRowMapping.ToJobs(
        [
            ["00890b12", (byte)0, @"DPM01\MICROSOFT$DPM$Acct", "\"C:\\Program Files\\DPM\\bin\\TriggerJob.exe\" a b"],
            ["syspolicy_purge_history", (byte)1, "sa", null],
        ]);

        Assert.Equal(
            [new SqlAgentJob("00890b12", false, @"DPM01\MICROSOFT$DPM$Acct", "\"C:\\Program Files\\DPM\\bin\\TriggerJob.exe\" a b"), new SqlAgentJob("syspolicy_purge_history", true, "sa", "")],
            jobs);
    }

    [Fact]
    public void LoginRowsGroupTheirRolesAndNamesIgnoreCase()
    {
        var logins = SqlRowMapping.ToLogins(
        [
            ["NT SERVICE\\AzureWLBackupPluginSvc", null],
            ["sa", "sysadmin"],
            ["sa", "securityadmin"],
        ]);

        Assert.Empty(logins["nt service\\azurewlbackuppluginsvc"].ServerRoles);
        Assert.Equal(["sysadmin", "securityadmin"], logins["SA"].ServerRoles);
    }

    [Fact]
    public void AnInstanceIsInstalledWhenSetupListsItAndIsReachedLocally()
    {
        var registry = new SnapshotRegistry(new FaultInjector());
        registry.SetValue(SqlInstances.InstanceNamesKey, RegistryView.Registry64, "MSDPM2012", RegistryValue.String("MSSQL11.MSDPM2012"));

        Assert.True(SqlInstances.IsInstalled(registry, "msdpm2012"));
        Assert.False(SqlInstances.IsInstalled(registry, "MSSQLSERVER"));
        Assert.Equal(@".\MSDPM2012", SqlInstances.DataSource("MSDPM2012"));
        Assert.Equal(".", SqlInstances.DataSource("MSSQLSERVER"));
    }

    [Fact]
    public void AnInstanceSetupDoesNotListIsAbsentWithoutAConnection()
    {
        var sql = new WindowsSqlServer(new SnapshotRegistry(new FaultInjector()), TimeSpan.FromSeconds(1), _ => throw new InvalidOperationException("no connection may be made"));

        Assert.Null(sql.ReadAgentJobs("MSDPM2012"));
        Assert.Null(sql.ReadLogins("MSDPM2012"));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void SqlClientSendsEachParameterWithItsStatedTypeAndLengthNotOneInferredFromTheValue(string what, SqlStatement statement)
    {
        foreach (var parameter in statement.Parameters)
        {
            var sent = parameter.ToSqlParameter();

            Assert.Equal((parameter.Name, parameter.Type, parameter.Size, parameter.Value), (sent.ParameterName, sent.SqlDbType, sent.Size, sent.Value));
        }

        Assert.NotEmpty(what);
    }

    [Fact]
    public void ANameLongerThanSysnameIsSentAsMaxAndANullAsSqlNull()
    {
        var longName = @"CONTOSO" + new string('a', 200);

        var sent = Assert.Single(SqlStatements.CreateWindowsLogin(longName).Parameters).ToSqlParameter();

        Assert.Equal((System.Data.SqlDbType.NVarChar, -1, (object)longName), (sent.SqlDbType, sent.Size, sent.Value));
        Assert.Equal(DBNull.Value, new SqlParameterValue("@owner", System.Data.SqlDbType.NVarChar, 128, null).ToSqlParameter().Value);
    }

    [Fact]
    public void TheConnectionIsEncryptedIntegratedSecurityThatNeedsNoEntraProvider()
    {
        // SqlClient 7 moved the Entra (Active Directory) providers to Microsoft.Data.SqlClient.Extensions.Azure,
        // which this tool does not ship: its connection must never ask for one.
        var text = new WindowsSqlServer(new SnapshotRegistry(new FaultInjector()), TimeSpan.FromSeconds(45)).ConnectionString("MSDPM2012");
        var parsed = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(text);
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(text);

        Assert.Equal(Microsoft.Data.SqlClient.SqlAuthenticationMethod.NotSpecified, parsed.Authentication);
        Assert.True(parsed.IntegratedSecurity);
        Assert.Equal(Microsoft.Data.SqlClient.SqlConnectionEncryptOption.Mandatory, parsed.Encrypt);
        Assert.True(parsed.TrustServerCertificate);
        Assert.Equal(("master", "BackupReconciler", 15), (parsed.InitialCatalog, parsed.ApplicationName, parsed.ConnectTimeout));
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void TheConnectionIsIntegratedSecurityToTheLocalInstanceWithACommandTimeout()
    {
        var text = new WindowsSqlServer(new SnapshotRegistry(new FaultInjector()), TimeSpan.FromSeconds(45)).ConnectionString("MSDPM2012");

        Assert.Contains(@"Data Source=.\MSDPM2012", text, StringComparison.Ordinal);
        Assert.Contains("Integrated Security=True", text, StringComparison.Ordinal);
        Assert.Contains("Command Timeout=45", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
    }

    private static Regex DeclaredVariables() => new(@"(?:DECLARE\s+|,\s*)(@\w+)\s+(?:TABLE|sysname|tinyint|int|nvarchar)", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static Regex Variables() => new(@"@@?\w+", RegexOptions.None, TimeSpan.FromSeconds(1));
}
