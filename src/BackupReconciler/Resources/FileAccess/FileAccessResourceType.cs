using BackupReconciler.Host.AccessRules;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.FileAccess;

/// <summary>Reads <c>fileAccess</c> resources: <c>path</c>, <c>identity</c>, <c>rights</c> and <c>inherit</c> (default true).</summary>
public sealed class FileAccessResourceType : IResourceType
{
    public const string TypeName = "fileAccess";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var path = DrivePath.Required(properties, "path", @"C:\System Volume Information");
        var identity = properties.RequiredString("identity");
        var rights = properties.RequiredEnum("rights", FileAccessNames.Rights);
        var inherit = properties.OptionalBool("inherit") ?? true;
        properties.RejectUnknownMembers();
        return new FileAccessResource(path, identity, rights, inherit);
    }
}
