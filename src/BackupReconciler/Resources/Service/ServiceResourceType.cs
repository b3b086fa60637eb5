using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.Service;

/// <summary>Reads <c>service</c> resources: <c>name</c> and at least one of <c>startType</c>, <c>state</c>, <c>account</c>.</summary>
public sealed class ServiceResourceType : IResourceType
{
    public const string TypeName = "service";

    /// <summary>The <c>startType</c> that asks only that the service is not disabled.</summary>
    public const string NotDisabled = "notDisabled";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var name = properties.RequiredString("name");
        // "notDisabled" is a check, not a start type: present and not disabled, whichever start type it has (seed 003's iSCSI initiator).
        var notDisabled = properties.Json["startType"] is JsonStringItem { Value: NotDisabled };
        var startType = notDisabled ? null : properties.OptionalEnum("startType", ServiceNames.DesiredStartTypes);
        if (notDisabled)
        {
            properties.Optional("startType");
        }

        var state = properties.OptionalEnum("state", ServiceNames.DesiredStates);
        var account = properties.OptionalString("account");
        properties.RejectUnknownMembers();
        if (startType is null && state is null && account is null && !notDisabled)
        {
            throw properties.Error(null, $"{properties.Subject} declares nothing to manage; add \"startType\", \"state\" or \"account\".");
        }

        return new ServiceResource(name, startType, state, account) { MustNotBeDisabled = notDisabled };
    }
}
