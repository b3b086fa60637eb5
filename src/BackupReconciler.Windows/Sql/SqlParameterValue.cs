using System.Data;
using Microsoft.Data.SqlClient;

namespace BackupReconciler.Windows.Sql;

/// <summary>One parameter of a statement: its name in the text, its SQL type and length, and its value.</summary>
public sealed record SqlParameterValue(string Name, SqlDbType Type, int Size, object? Value)
{
    /// <summary>
    /// The parameter as SqlClient sends it: the stated type and length (-1 is max), never inferred from
    /// the value, so a login name is nvarchar(128) whatever its length and the plan is reused; null is SQL NULL.
    /// </summary>
    internal SqlParameter ToSqlParameter() => new(Name, Type, Size) { Value = Value ?? DBNull.Value };
}
