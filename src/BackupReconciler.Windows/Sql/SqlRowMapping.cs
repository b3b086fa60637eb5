using System.Globalization;
using BackupReconciler.Host.Sql;

namespace BackupReconciler.Windows.Sql;

/// <summary>The rows of the adapter's queries → port types (rows as plain values, so the mapping runs anywhere).</summary>
internal static class SqlRowMapping
{
    /// <summary>Rows of <see cref="SqlStatements.ReadAgentJobs"/>: name, enabled (tinyint), owner, first step's command (NULL without steps).</summary>
    public static IReadOnlyList<SqlAgentJob> ToJobs(IEnumerable<object?[]> rows) =>
        rows.Select(row => new SqlAgentJob(
                (string)row[0]!,
                Convert.ToInt32(row[1], CultureInfo.InvariantCulture) != 0,
                Text(row[2]),
                Text(row[3])))
            .ToList();

    /// <summary>Rows of <see cref="SqlStatements.ReadLogins"/>: one per login and fixed role membership (role NULL for none).</summary>
    public static IReadOnlyDictionary<string, SqlLogin> ToLogins(IEnumerable<object?[]> rows)
    {
        var roles = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var login = (string)row[0]!;
            names.TryAdd(login, login);
            if (!roles.TryGetValue(login, out var list))
            {
                list = [];
                roles[login] = list;
            }

            if (row[1] is string role && !list.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(role);
            }
        }

        return roles.ToDictionary(r => names[r.Key], r => new SqlLogin(names[r.Key], r.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static string Text(object? value) => value is string text ? text : "";
}
