namespace BackupReconciler.Windows.Wmi;

/// <summary>The WMI namespaces the adapters read, as MI names them (forward slashes, on the local machine).</summary>
internal static class WmiNamespace
{
    public const string Cimv2 = "root/cimv2";

    public const string Defender = "root/Microsoft/Windows/Defender";
}
