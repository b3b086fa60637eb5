namespace BackupReconciler.Host.Sql;

/// <summary>A server login and the fixed server roles it is a member of.</summary>
public sealed record SqlLogin(string Name, IReadOnlyList<string> ServerRoles);
