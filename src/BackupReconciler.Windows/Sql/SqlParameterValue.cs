using System.Data;

namespace BackupReconciler.Windows.Sql;

/// <summary>One parameter of a statement: its name in the text, its SQL type and length, and its value.</summary>
public sealed record SqlParameterValue(string Name, SqlDbType Type, int Size, object? Value);
