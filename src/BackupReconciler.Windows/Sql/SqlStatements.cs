using System.Data;
using System.Xml.Linq;
using BackupReconciler.Host.Sql;

namespace BackupReconciler.Windows.Sql;

/// <summary>
/// The T-SQL the SQL adapter sends: one query per read, one batch per change set (ISqlServer), all
/// parameterised. Kept apart from the connection so that the text and parameters are tested anywhere.
/// </summary>
internal static class SqlStatements
{
    /// <summary>sysname: nvarchar(128).</summary>
    private const int SysnameLength = 128;

    /// <summary>
    /// Every Agent job with its first step's command and its owner, in one query. An owner whose login was
    /// dropped has no name; its SID in hex stands for it (SUSER_SNAME answers NULL).
    /// </summary>
    public static readonly SqlStatement ReadAgentJobs = new("""
        SET NOCOUNT ON;
        SELECT j.name,
               j.enabled,
               COALESCE(SUSER_SNAME(j.owner_sid), CONVERT(nvarchar(200), j.owner_sid, 1)) AS owner_name,
               s.command
        FROM msdb.dbo.sysjobs AS j
        LEFT JOIN msdb.dbo.sysjobsteps AS s ON s.job_id = j.job_id AND s.step_id = 1
        ORDER BY j.name;
        """, []);

    /// <summary>Every server login with the fixed server roles it is a member of, in one query (one row per membership).</summary>
    public static readonly SqlStatement ReadLogins = new("""
        SET NOCOUNT ON;
        SELECT p.name, r.name AS role_name
        FROM sys.server_principals AS p
        LEFT JOIN sys.server_role_members AS m ON m.member_principal_id = p.principal_id
        LEFT JOIN sys.server_principals AS r ON r.principal_id = m.role_principal_id AND r.type = 'R' AND r.is_fixed_role = 1
        WHERE p.type IN ('S', 'U', 'G', 'E', 'X', 'C', 'K')
        ORDER BY p.name, r.name;
        """, []);

    /// <summary>
    /// The whole change set in one batch and one transaction: the updates arrive as one xml parameter, a
    /// missing job stops the batch before anything changes (the port's all or nothing), then
    /// sp_update_job runs per job (NULL leaves a setting as it is). A failure rolls back everything and
    /// comes back as "message (number)".
    /// </summary>
    public const string UpdateAgentJobsText = """
        SET NOCOUNT ON;
        SET XACT_ABORT ON;
        DECLARE @updates TABLE (ordinal int IDENTITY(1, 1) PRIMARY KEY, job_name sysname NOT NULL, enabled tinyint NULL, owner_name sysname NULL);
        INSERT INTO @updates (job_name, enabled, owner_name)
        SELECT u.value(N'@name', N'sysname'), u.value(N'@enabled', N'tinyint'), u.value(N'@owner', N'sysname')
        FROM @batch.nodes(N'/jobs/job') AS t(u);
        DECLARE @missing sysname = (SELECT TOP (1) u.job_name FROM @updates AS u
                                    WHERE NOT EXISTS (SELECT 1 FROM msdb.dbo.sysjobs AS j WHERE j.name = u.job_name)
                                    ORDER BY u.ordinal);
        IF @missing IS NOT NULL
        BEGIN
            RAISERROR(N'The specified @job_name (''%s'') does not exist. (14262)', 16, 1, @missing);
            RETURN;
        END;
        BEGIN TRY
            BEGIN TRANSACTION;
            DECLARE @name sysname, @enabled tinyint, @owner sysname, @result int;
            DECLARE jobs CURSOR LOCAL FAST_FORWARD FOR SELECT job_name, enabled, owner_name FROM @updates ORDER BY ordinal;
            OPEN jobs;
            FETCH NEXT FROM jobs INTO @name, @enabled, @owner;
            WHILE @@FETCH_STATUS = 0
            BEGIN
                EXEC @result = msdb.dbo.sp_update_job @job_name = @name, @enabled = @enabled, @owner_login_name = @owner;
                IF @result <> 0 RAISERROR(N'sp_update_job failed for the job ''%s''.', 16, 1, @name);
                FETCH NEXT FROM jobs INTO @name, @enabled, @owner;
            END;
            CLOSE jobs;
            DEALLOCATE jobs;
            COMMIT TRANSACTION;
        END TRY
        BEGIN CATCH
            IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
            DECLARE @message nvarchar(2048) = ERROR_MESSAGE(), @number int = ERROR_NUMBER();
            RAISERROR(N'%s (%d)', 16, 1, @message, @number);
        END CATCH;
        """;

    /// <summary>
    /// CREATE LOGIN takes no parameters, so SQL Server quotes the name itself (QUOTENAME) inside
    /// sp_executesql; a name QUOTENAME cannot quote (over 128 characters) is refused rather than run as NULL.
    /// </summary>
    public const string CreateWindowsLoginText = """
        SET NOCOUNT ON;
        IF QUOTENAME(@login) IS NULL
            RAISERROR(N'"%s" is not a login name SQL Server can hold (at most 128 characters).', 16, 1, @login);
        ELSE
        BEGIN
            DECLARE @statement nvarchar(max) = N'CREATE LOGIN ' + QUOTENAME(@login) + N' FROM WINDOWS;';
            EXEC sys.sp_executesql @statement;
        END;
        """;

    /// <summary>ALTER SERVER ROLE, quoted the same way; the role must be a server role, so a typo is an error, not a new statement.</summary>
    public const string AddServerRoleMemberText = """
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE type = 'R' AND name = @role)
            RAISERROR(N'"%s" is not a server role of this instance.', 16, 1, @role);
        ELSE IF QUOTENAME(@login) IS NULL
            RAISERROR(N'"%s" is not a login name SQL Server can hold (at most 128 characters).', 16, 1, @login);
        ELSE
        BEGIN
            DECLARE @statement nvarchar(max) = N'ALTER SERVER ROLE ' + QUOTENAME(@role) + N' ADD MEMBER ' + QUOTENAME(@login) + N';';
            EXEC sys.sp_executesql @statement;
        END;
        """;

    public static SqlStatement UpdateAgentJobs(IReadOnlyList<SqlAgentJobUpdate> updates) =>
        new(UpdateAgentJobsText, [new SqlParameterValue("@batch", SqlDbType.Xml, -1, BatchXml(updates))]);

    public static SqlStatement CreateWindowsLogin(string login) =>
        new(CreateWindowsLoginText, [Name("@login", login)]);

    public static SqlStatement AddServerRoleMember(string role, string login) =>
        new(AddServerRoleMemberText, [Name("@role", role), Name("@login", login)]);

    /// <summary>
    /// <c>&lt;jobs&gt;&lt;job name="…" enabled="1" owner="…"/&gt;…&lt;/jobs&gt;</c>: XML escaping is the
    /// writer's, so a name holding quotes or brackets is data, never markup; an absent attribute is NULL.
    /// </summary>
    public static string BatchXml(IReadOnlyList<SqlAgentJobUpdate> updates) =>
        new XElement("jobs", updates.Select(update => new XElement("job",
            new XAttribute("name", update.JobName),
            update.Enabled is { } enabled ? new XAttribute("enabled", enabled ? "1" : "0") : null,
            update.Owner is { } owner ? new XAttribute("owner", owner) : null))).ToString(SaveOptions.DisableFormatting);

    /// <summary>
    /// Parameters longer than sysname are sent whole (nvarchar(max)), so that SQL Server's checks refuse
    /// them instead of the client truncating them into another name.
    /// </summary>
    private static SqlParameterValue Name(string name, string value) =>
        new(name, SqlDbType.NVarChar, value.Length <= SysnameLength ? SysnameLength : -1, value);
}
