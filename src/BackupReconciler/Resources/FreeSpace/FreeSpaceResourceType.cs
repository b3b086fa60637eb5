using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

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
        if (token.Type is not (JTokenType.Integer or JTokenType.Float) || token.Value<decimal>() is var percent && (percent <= 0 || percent > 100))
        {
            throw properties.Error(token, $"\"minimumFreePercent\" of {properties.Subject} is {JsonObjectReader.Describe(token)}; give a number above 0 and at most 100, such as 10.");
        }

        properties.RejectUnknownMembers();
        return new FreeSpaceResource(path, token.Value<decimal>());
    }
}
