using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.FreeSpace;

/// <summary>Reads <c>freeSpace</c> resources: <c>path</c> and <c>minimumFreePercent</c> (above 0, at most 100).</summary>
public sealed class FreeSpaceResourceType : IResourceType
{
    public const string TypeName = "freeSpace";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var path = properties.RequiredString("path");
        var token = properties.Required("minimumFreePercent", "a number such as 10");
        // A whole number beyond 64 bits is out of range like any other: it is not converted.
        var percent = token is JsonNumberItem { Value: long or decimal } number ? Convert.ToDecimal(number.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (percent is <= 0 or > 100)
        {
            throw properties.Error(token, $"\"minimumFreePercent\" of {properties.Subject} is {JsonObjectReader.Describe(token)}; give a number above 0 and at most 100, such as 10.");
        }

        properties.RejectUnknownMembers();
        return new FreeSpaceResource(path, percent);
    }
}
