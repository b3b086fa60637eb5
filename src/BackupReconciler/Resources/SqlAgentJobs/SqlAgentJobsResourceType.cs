using System.Buffers;
using BackupReconciler.Host.Sql;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.SqlAgentJobs;

/// <summary>Reads <c>sqlAgentJobs</c> resources: <c>instance</c>, and optionally <c>match</c>, <c>enabled</c> and <c>owner</c>.</summary>
public sealed class SqlAgentJobsResourceType : IResourceType
{
    public const string TypeName = "sqlAgentJobs";

    /// <summary>Characters Windows does not allow in account names; a SQL Server login that owns DPM's jobs has none either.</summary>
    private static readonly SearchValues<char> InvalidAccountCharacters = SearchValues.Create("\"/[]:;|=,+*?<>");

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var instance = SqlInstanceName.Read(properties);
        var match = ReadMatch(properties);
        var enabled = properties.OptionalBool("enabled") ?? true;
        var owner = ReadOwner(properties);
        properties.RejectUnknownMembers();
        return new SqlAgentJobsResource(instance, match, enabled, owner);
    }

    private static WildcardPattern? ReadMatch(JsonObjectReader properties)
    {
        if (properties.OptionalString("match") is not { } text)
        {
            return null;
        }

        var pattern = new WildcardPattern(text);
        // Without a wildcard the pattern must equal a whole command, which almost never is what was meant.
        return pattern.HasWildcards
            ? pattern
            : throw properties.Error(properties.Json["match"],
                $"\"match\" of {properties.Subject} is \"{text}\", which has no wildcard and so must equal a whole step command; write \"*{text}*\" to select the DPM jobs whose command contains it.");
    }

    private static string? ReadOwner(JsonObjectReader properties)
    {
        if (properties.OptionalString("owner") is not { } owner)
        {
            return null;
        }

        var parts = owner.Split('\\');
        var valid = owner == owner.Trim()
            && parts.Length <= 2
            && parts.All(p => p.Trim().Length > 0)
            && owner.AsSpan().IndexOfAny(InvalidAccountCharacters) < 0;
        return valid
            ? owner
            : throw properties.Error(properties.Json["owner"],
                $"\"owner\" of {properties.Subject} is \"{owner}\", not an account; give DOMAIN\\name, COMPUTER\\name, .\\name, NT AUTHORITY\\SYSTEM or a SQL Server login such as sa.");
    }
}
