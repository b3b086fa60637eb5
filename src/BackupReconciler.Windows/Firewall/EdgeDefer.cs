namespace BackupReconciler.Windows.Firewall;

/// <summary>A rule string's <c>Defer=</c>: who decides about edge traversal, the application or the user.</summary>
public enum EdgeDefer
{
    App,
    User,
}
