using System.Text.RegularExpressions;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.UserRight;

/// <summary>Reads <c>userRight</c> resources: <c>right</c> (a constant such as SeChangeNotifyPrivilege) and <c>identities</c>.</summary>
public sealed partial class UserRightResourceType : IResourceType
{
    public const string TypeName = "userRight";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var right = properties.RequiredString("right");
        if (!RightConstant().IsMatch(right))
        {
            // Local Security Policy shows display names ("Bypass traverse checking"); the policy APIs take only the constants.
            throw properties.Error(properties.Json["right"],
                $"\"right\" of {properties.Subject} is \"{right}\"; give the right's constant, Se...Privilege or Se...Right, such as \"SeChangeNotifyPrivilege\" for Bypass traverse checking.");
        }

        properties.Required("identities", "[\"NT SERVICE\\\\AzureWLBackupPluginSvc\"]");
        var identities = properties.OptionalStringList("identities")!;
        if (identities.Count == 0)
        {
            throw properties.Error(properties.Json["identities"],
                $"\"identities\" of {properties.Subject} is empty; name at least one account that must hold the right, such as \"NT SERVICE\\\\AzureWLBackupPluginSvc\".");
        }

        properties.RejectUnknownMembers();
        return new UserRightResource(right, identities);
    }

    [GeneratedRegex(@"^Se[A-Z][A-Za-z]*(Privilege|Right)$", RegexOptions.CultureInvariant)]
    private static partial Regex RightConstant();
}
