namespace BackupReconciler.Windows.Sql;

/// <summary>
/// A T-SQL batch with its parameters. The text is a constant: every value travels as a parameter, never
/// inside the text (DESIGN §7), and identifiers that DDL cannot take as parameters are quoted by SQL
/// Server itself (QUOTENAME) from parameters.
/// </summary>
public sealed record SqlStatement(string Text, IReadOnlyList<SqlParameterValue> Parameters);
