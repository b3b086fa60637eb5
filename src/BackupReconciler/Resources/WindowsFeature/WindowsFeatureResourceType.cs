using System.Text.RegularExpressions;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.WindowsFeature;

/// <summary>Reads <c>windowsFeature</c> resources: <c>name</c> and <c>installed</c> (default true).</summary>
public sealed partial class WindowsFeatureResourceType : IResourceType
{
    public const string TypeName = "windowsFeature";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var name = properties.RequiredString("name");
        if (!FeatureName().IsMatch(name))
        {
            // The usual mistake is Server Manager's display name ("Windows Server Backup"), which Install-WindowsFeature does not take.
            throw properties.Error(properties.Json["name"],
                $"\"name\" of {properties.Subject} is \"{name}\"; give the feature's Name as Get-WindowsFeature lists it, such as \"Windows-Server-Backup\", not its display name.");
        }

        var installed = properties.OptionalBool("installed") ?? true;
        properties.RejectUnknownMembers();
        return new WindowsFeatureResource(name, installed);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FeatureName();
}
