namespace BackupReconciler.Host.Features;

/// <summary>The Windows features port (Server Manager's roles and features, by the names Get-WindowsFeature shows).</summary>
public interface IFeatures
{
    /// <summary>Whether the feature is installed (name case-insensitive), or null when this Windows edition has no such feature.</summary>
    bool? IsInstalled(string name);

    void Install(string name);

    void Uninstall(string name);
}
